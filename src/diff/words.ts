import type {Citation, Counts, FieldChange, ListDiff, NameEntry, PaperRef, RepointedReference} from './types.ts'

/**
 * The sentences of the report, shared by the terminal and the markdown. Each output form passes how it
 * writes README text (`text`) and a paper (`paper`): escaped for markdown, made printable for a terminal.
 */
export interface Writer {
  /** Text from the README. */
  text(value: string): string
  /** A name from the README, set off as code. */
  code(value: string): string
  /** A sentence of the rules, which quotes names in backticks. */
  prose(value: string): string
  paper(ref: PaperRef): string
}

/** "1 paper added, 2 changed, 6 renumbered, 1 reference re-pointed, 2 citations added, …", or nothing. */
export function headline(counts: Counts): string {
  return [
    group('paper', [[counts.papersAdded, 'added'], [counts.papersRemoved, 'removed'], [counts.papersChanged, 'changed'], [counts.papersRenumbered, 'renumbered']]),
    group('reference', [[counts.referencesRepointed, 're-pointed']]),
    group('citation', [[counts.citationsAdded, 'added'], [counts.citationsRemoved, 'removed']]),
    group('name', [[counts.namesAdded, 'added'], [counts.namesRemoved, 'removed']]) + (counts.lookAlikes > 0 ? ` (${plural(counts.lookAlikes, 'look-alike')})` : ''),
    group('finding', [[counts.findingsIntroduced, 'introduced'], [counts.findingsFixed, 'fixed']])
  ].filter(Boolean).join(', ')
}

/** `group('paper', [[1, 'added'], [2, 'changed']])` → "1 paper added, 2 changed": the noun once, with the first count. */
function group(noun: string, counts: Array<[number, string]>): string {
  return counts
    .filter(([n]) => n > 0)
    .map(([n, what], i) => (i === 0 ? `${plural(n, noun)} ${what}` : `${n} ${what}`))
    .join(', ')
}

export function noChange(diff: ListDiff): string {
  return `No change to the list${diff.textChanged ? ' (the README changed only outside it: prose, spacing or layout)' : ''}`
}

export function row(entry: {kind: string; name: string; role: string | null}, w: Writer): string {
  return `${entry.kind} ${w.code(entry.name)}${entry.role ? ` (${entry.role})` : ''}`
}

export function citation(entry: Citation, added: boolean, w: Writer): string {
  return added
    ? `now cites ${w.paper(entry.paper)}${entry.paperAddedOrRemoved ? ' (a new paper)' : ''}`
    : `no longer cites ${w.paper(entry.paper)}${entry.paperAddedOrRemoved ? ' (removed from the list)' : ''}`
}

/** "`[3]` still reads [3] but now cites FoldGPT, not Pruning via Merging (now [4])" */
export function repointed(entry: RepointedReference, w: Writer): string {
  const where = entry.beforeNow ? `, which is now ${entry.beforeNow.number === null ? 'unnumbered' : `[${entry.beforeNow.number}]`}` : ', which the change removed'
  return `${w.code(entry.text)} still reads the same but now cites ${w.paper(entry.after)}, not ${w.paper(entry.before)}${where}`
}

export function field(change: FieldChange, w: Writer): string {
  if ('added' in change) {
    return `${change.field}: ${[...change.added.map((item) => `+ ${w.text(item)}`), ...change.removed.map((item) => `− ${w.text(item)}`)].join(', ')}`
  }
  const value = (text: string | null) => (text === null ? 'none' : `“${w.text(text)}”`)
  return `${change.field}: ${value(change.before)} → ${value(change.after)}`
}

export function lookAlike(entry: NameEntry, w: Writer): string {
  const like = entry.lookAlike
  if (!like) return ''
  return `looks like ${w.code(like.name)}${like.stillListed ? '' : ' (removed by this change)'}: ${w.prose(like.how)}; if it is the same, write ${w.code(like.suggestion)}`
}

export function papersOf(entry: NameEntry, w: Writer, most = 5): string {
  const shown = entry.papers.slice(0, most).map((ref) => w.paper(ref))
  return `${shown.join(', ')}${entry.papers.length > most ? ` and ${entry.papers.length - most} more` : ''}`
}

export function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`
}

