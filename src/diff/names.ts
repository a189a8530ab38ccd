import {lookAlike} from '../rules/name-similar.ts'
import {paperRef} from './papers.ts'
import type {Row} from './tables.ts'
import type {LookAlike, NameChange, NameEntry, NameKind, PaperRef} from './types.ts'
import type {Version} from './version.ts'

/** The names a version uses, by kind, each with the papers it goes with (as indexes into that version's papers). */
type Names = Map<NameKind, Map<string, Set<number>>>

/**
 * Models, datasets, methods, tools, labels and sections that came or went, compared as written (`LLaMa2-7B`
 * for `LLaMA2-7B` is a new name). A new name that looks like an existing one is flagged with the
 * name-similar rule's own test.
 */
export function compareNames(base: Version, head: Version, baseRows: Row[], headRows: Row[]): {added: NameEntry[]; removed: NameEntry[]; changed: NameChange[]} {
  const before = names(base, baseRows)
  const after = names(head, headRows)
  const added: NameEntry[] = []
  const removed: NameEntry[] = []
  for (const [kind, list] of after) {
    const old = before.get(kind)!
    const gone = [...old.keys()].filter((name) => !list.has(name))
    for (const [name, papers] of list) {
      if (old.has(name)) continue
      added.push({kind, name, papers: refs(head, papers), lookAlike: similar(kind, name, gone, [...old.keys()].filter((each) => list.has(each)))})
    }
    for (const name of gone) removed.push({kind, name, papers: refs(base, old.get(name)!), lookAlike: null})
  }
  return {added, removed, changed: toolLinks(base, head)}
}

function names(version: Version, rows: Row[]): Names {
  const all: Names = new Map(['model', 'dataset', 'method', 'label', 'tool', 'section'].map((kind) => [kind as NameKind, new Map()]))
  const add = (kind: NameKind, name: string, paper?: number) => {
    const text = name.replace(/\s+/g, ' ').trim()
    if (text === '') return
    const papers = all.get(kind)!.get(text) ?? new Set()
    if (paper !== undefined) papers.add(paper)
    all.get(kind)!.set(text, papers)
  }
  for (const row of rows) {
    add(row.kind, row.name)
    for (const ref of row.refs) add(row.kind, row.name, ref.paper)
  }
  version.raw.papers.forEach((paper, i) => {
    for (const label of paper.labels) add('label', label, i)
  })
  for (const tool of version.raw.tools) add('tool', tool.name)
  for (const section of version.raw.sections) add('section', section.title)
  return all
}

const ruleKinds = {model: 'model', dataset: 'dataset', method: 'fine-tuning method', label: 'label'} as const

/** The existing name a new one looks like: first among the names the change removed (a rename), then among those it kept. */
function similar(kind: NameKind, name: string, removed: string[], kept: string[]): LookAlike | null {
  if (kind === 'tool' || kind === 'section') return null
  for (const [list, stillListed] of [[removed, false], [kept, true]] as const) {
    for (const existing of list) {
      const found = lookAlike(ruleKinds[kind], name, existing)
      if (found) return {name: existing, ...found, stillListed}
    }
  }
  return null
}

function refs(version: Version, papers: Set<number>): PaperRef[] {
  return [...papers].map((i) => paperRef(version, i))
}

/** Tools listed in both versions under one name, whose link changed. */
function toolLinks(base: Version, head: Version): NameChange[] {
  const before = new Map(base.raw.tools.map((tool) => [tool.name, tool.href]))
  return head.raw.tools.flatMap((tool) => {
    const href = before.get(tool.name)
    return href !== undefined && href !== tool.href ? [{kind: 'tool' as const, name: tool.name, before: href, after: tool.href}] : []
  })
}
