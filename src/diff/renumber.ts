import type {Identity} from './identity.ts'
import type {Renumbering} from './types.ts'
import type {Version} from './version.ts'

/**
 * Papers that kept their section but not their number, grouped into runs that moved together:
 * consecutive numbers in the base, in the list's order, shifted by the same amount. Inserting one paper
 * above six others is one line, "papers [7]–[12] renumbered to [8]–[13]", not six changes; a run goes on
 * into the next section when the numbering does.
 */
export function renumberings(base: Version, head: Version, identity: Identity): Renumbering[] {
  const runs: Renumbering[] = []
  let run: {sections: string[]; first: number; last: number; shift: number} | undefined
  const close = () => {
    if (run) runs.push(renumbering(run.sections, run.first, run.last, run.shift, base))
    run = undefined
  }
  base.graph.papers.forEach((a, i) => {
    const j = identity.headOf.get(i)
    const b = j === undefined ? undefined : head.graph.papers[j]
    const section = sectionTitle(base, a.section)
    if (!b || a.number === undefined || b.number === undefined || a.number === b.number || section !== sectionTitle(head, b.section)) {
      // A paper that kept its number, left or moved away ends the run; one that merely is not numbered does not.
      if (a.number !== undefined) close()
      return
    }
    const shift = b.number - a.number
    if (run && a.number === run.last + 1 && shift === run.shift) {
      run.last = a.number
      if (run.sections.at(-1) !== section) run.sections.push(section)
      return
    }
    close()
    run = {sections: [section], first: a.number, last: a.number, shift}
  })
  close()
  return runs
}

function renumbering(sections: string[], first: number, last: number, shift: number, base: Version): Renumbering {
  const where = new Set(base.graph.papers.map((paper) => paper.section)).size > 1 ? ` ${place(sections)}` : ''
  const text =
    first === last
      ? `paper [${first}] renumbered to [${first + shift}]${where}`
      : `papers [${first}]–[${last}] renumbered to [${first + shift}]–[${last + shift}]${where}`
  return {sections, from: [first, last], to: [first + shift, last + shift], papers: last - first + 1, text}
}

function place(sections: string[]): string {
  if (sections.length === 1) return `in ${sections[0]}`
  if (sections.length === 2) return `in ${sections[0]} and ${sections[1]}`
  return `across ${sections.length} sections, ${sections[0]} to ${sections.at(-1)}`
}

function sectionTitle(version: Version, id: string): string {
  return version.graph.section.get(id)?.title ?? id
}
