import type {Identity} from './identity.ts'
import type {Renumbering} from './types.ts'
import type {Version} from './version.ts'

/**
 * Papers that kept their section but not their number, grouped into runs that moved together:
 * consecutive numbers in the base, shifted by the same amount. Inserting one paper above six others
 * is one line, "papers [7]–[12] renumbered to [8]–[13]", not six changes.
 */
export function renumberings(base: Version, head: Version, identity: Identity): Renumbering[] {
  const moved: Array<{section: string; from: number; to: number}> = []
  for (const [j, i] of identity.baseOf) {
    const a = base.graph.papers[i]!
    const b = head.graph.papers[j]!
    if (a.number === undefined || b.number === undefined || a.number === b.number) continue
    const section = base.graph.section.get(a.section)?.title ?? a.section
    if (section !== (head.graph.section.get(b.section)?.title ?? b.section)) continue
    moved.push({section, from: a.number, to: b.number})
  }
  moved.sort((x, y) => (x.section === y.section ? x.from - y.from : order(base, x.section) - order(base, y.section)))

  const runs: Renumbering[] = []
  let run: {section: string; from: number; to: number; last: number} | undefined
  const close = () => {
    if (run) runs.push(renumbering(run.section, run.from, run.last, run.to, base))
  }
  for (const paper of moved) {
    if (run && run.section === paper.section && paper.from === run.last + 1 && paper.to - paper.from === run.to - run.from) {
      run.last = paper.from
      continue
    }
    close()
    run = {...paper, last: paper.from}
  }
  close()
  return runs
}

function renumbering(section: string, first: number, last: number, to: number, base: Version): Renumbering {
  const shift = to - first
  const where = new Set(base.graph.papers.map((paper) => paper.section)).size > 1 ? ` in ${section}` : ''
  const text =
    first === last
      ? `paper [${first}] renumbered to [${to}]${where}`
      : `papers [${first}]–[${last}] renumbered to [${first + shift}]–[${last + shift}]${where}`
  return {section, from: [first, last], to: [first + shift, last + shift], papers: last - first + 1, text}
}

function order(version: Version, title: string): number {
  return version.graph.sections.findIndex((section) => section.title === title)
}
