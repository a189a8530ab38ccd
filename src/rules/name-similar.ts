import {modelFamily} from '../graph/model-family.ts'
import type {Position, RawTable} from '../types.ts'
import type {Rule} from './rule.ts'
import {rows} from './walk.ts'
import {fold} from '../util/text.ts'
import {candidates} from './name-candidates.ts'

interface Name {
  kind: 'model' | 'dataset' | 'fine-tuning method' | 'label'
  text: string
  /** What is compared: a model's family (`LLaMA2` of `LLaMA2-7B`), else the whole name. */
  stem: string
  /** The table it is a row of; none for a label. */
  table: RawTable | undefined
  position: Position | undefined
}

/** A name with what is compared, worked out once. */
interface Prepared extends Name {
  foldText: string
  foldStem: string
  /** The stem's letters only, lower case. */
  letters: string
  /** The stem's runs of letters, as written. */
  runs: string[]
}

export const nameSimilar: Rule = nameSimilarWith(candidates)

/**
 * The rule, given the way it finds the names each name is compared with: the buckets of name-candidates.ts,
 * or, in the tests, every other name, as it was before (test/name-similar.test.ts checks they agree).
 */
export function nameSimilarWith(find: typeof candidates): Rule {
  return {
    id: 'name-similar',
    severity: 'warning',
    description: 'Two names look like one entity spelled two ways: they differ only in case or punctuation, or by one letter added, dropped or swapped.',
    check({raw, file}, report) {
      // Only to count how often each spelling is written; places come from extract.
      const source = String(file.value)
      const names: Prepared[] = []
      const seen = new Set<string>()
      const add = (name: Name) => {
        if (name.text === '' || seen.has(`${name.kind}\u0000${name.text}`)) return
        seen.add(`${name.kind}\u0000${name.text}`)
        names.push(prepare(name))
      }
      for (const {table, row} of rows(raw)) {
        const kind = table.kind === 'models' ? 'model' : table.kind === 'datasets' ? 'dataset' : 'fine-tuning method'
        add({kind, text: row.name, stem: kind === 'model' ? modelFamily(row.name).family : row.name, table, position: row.namePosition})
      }
      for (const paper of raw.papers) paper.labels.forEach((label, n) => add({kind: 'label', text: label, stem: label, table: undefined, position: paper.labelPositions[n]}))

      // Each name is reported once, against the first name (in the list's order) it loses to; it is compared
      // only with the names that may look like it (see name-candidates.ts), not with every other.
      const spelling = new Spellings(source)
      const reported = new Set<number>()
      const candidatesOf = find(names, (a, stem) => !spelling.wins(a.stem, stem), (index) => reported.has(index))
      names.forEach((a, index) => {
        for (const other of candidatesOf(index)) {
          const b = names[other]!
          if (a.kind !== b.kind || reported.has(other)) continue
          // The same name twice in one table is row-duplicate-name's to report.
          if (a.table && a.table === b.table && key(a.text) === key(b.text)) continue
          const pair = compare(a, b, spelling)
          if (!pair || pair.loser !== a) continue
          reported.add(index)
          report(`${capitalize(a.kind)} \`${a.text}\` looks like \`${b.text}\` spelled another way (${pair.how})`, a.position, {
            fix: `write \`${pair.suggestion}\` if it is the same ${a.kind === 'model' ? 'model family' : a.kind}; if the names are meant to differ, leave them`,
            related: b.position
          })
          return
        }
      })
    }
  }
}

function prepare(name: Name): Prepared {
  // A `+` names another thing (HumanEval+, LoRA+): it is not punctuation to fold away.
  const folded = (text: string) => fold(text.replace(/\+/g, ' plus '))
  return {...name, foldText: folded(name.text), foldStem: folded(name.stem), letters: name.stem.toLowerCase().replace(/[^\p{L}]+/gu, ''), runs: name.stem.match(/\p{L}+/gu) ?? []}
}

/**
 * The rule's test for one pair of names outside a README: does `name` look like `existing` spelled another way?
 * `npm run diff` asks it of each name a change brings in; the existing spelling is the one suggested.
 */
export function lookAlike(kind: Name['kind'], name: string, existing: string): {how: string; suggestion: string} | undefined {
  const named = (text: string) => prepare({kind, text, stem: kind === 'model' ? modelFamily(text).family : text, table: undefined, position: undefined})
  const pair = compare(named(name), named(existing), new Spellings(existing))
  return pair && {how: pair.how, suggestion: pair.suggestion}
}

/** Whether two names look alike, which spelling wins (the one the README uses more, then the earlier), and the suggested spelling. */
function compare(a: Prepared, b: Prepared, spelling: Spellings): {loser: Prepared; suggestion: string; how: string} | undefined {
  if (a.text === b.text) return undefined
  // Case or punctuation only, in the whole name or in a model's family.
  for (const [x, y, fx, fy, whole] of [[a.text, b.text, a.foldText, b.foldText, true], [a.stem, b.stem, a.foldStem, b.foldStem, false]] as const) {
    if (x === y || fx !== fy) continue
    const aWins = spelling.wins(x, y)
    const [loser, winner] = aWins ? [b, a] : [a, b]
    const [from, to] = aWins ? [y, x] : [x, y]
    return {loser, suggestion: whole ? winner.text : loser.text.replace(from, to), how: `\`${from}\` beside \`${to}\`: case or punctuation`}
  }
  // One letter added, dropped or swapped, in the letters of the stem (digits are versions, not typos).
  const la = a.letters
  const lb = b.letters
  if (la === lb || Math.min(la.length, lb.length) < 5 || !oneEdit(la, lb)) return undefined
  const ra = a.runs
  const rb = b.runs
  // A letter of its own (`LongBench-E` beside `LongBench`) names a variant, not a typo.
  if (ra.length !== rb.length) return undefined
  const differ = ra.flatMap((run, i) => (run === rb[i] ? [] : [[run, rb[i]!] as const]))
  const [runA, runB] = differ.length === 1 ? differ[0]! : [a.stem, b.stem]
  if (differ.length === 1 && isSuffix(runA, runB)) return undefined
  const aWins = spelling.wins(runA, runB)
  const [loser, winner] = aWins ? [b, a] : [a, b]
  const [from, to] = aWins ? [runB, runA] : [runA, runB]
  const suggestion = differ.length === 1 ? loser.text.replace(from, to) : winner.text
  return {loser, suggestion, how: `\`${from}\` beside \`${to}\``}
}

/** Which of two spellings the README prefers: the one written more often, then the one written first. Counted once per spelling. */
class Spellings {
  readonly #source: string
  readonly #seen = new Map<string, {count: number; first: number}>()

  constructor(source: string) {
    this.#source = source
  }

  /** Does spelling `x` win over `y`? */
  wins(x: string, y: string): boolean {
    const a = this.#of(x)
    const b = this.#of(y)
    if (a.count !== b.count) return a.count > b.count
    return a.first !== -1 && (b.first === -1 || a.first <= b.first)
  }

  #of(text: string): {count: number; first: number} {
    let found = this.#seen.get(text)
    if (!found && text === '') found = {count: 0, first: -1}
    if (!found) {
      let count = 0
      const first = this.#source.indexOf(text)
      for (let at = first; at !== -1; at = this.#source.indexOf(text, at + text.length)) count++
      this.#seen.set(text, (found = {count, first}))
    }
    return found
  }
}

/** Exactly one letter inserted, deleted, or two neighbours swapped. A substituted letter is not counted: PIQA and SIQA, Mistral and Mixtral are different things. */
function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) === 1) {
    const [short, long] = a.length < b.length ? [a, b] : [b, a]
    let i = 0
    while (i < short.length && short[i] === long[i]) i++
    return short.slice(i) === long.slice(i + 1)
  }
  if (a.length !== b.length) return false
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
}

/**
 * One word is the other with a letter added at its end that does not double the one before it:
 * BLOOMZ and BLOOM, SQuADv2 and SQuAD2 are variants. A doubled letter (LLaMaA and LLaMA) is a typo.
 */
function isSuffix(x: string, y: string): boolean {
  const [short, long] = x.length < y.length ? [x.toLowerCase(), y.toLowerCase()] : [y.toLowerCase(), x.toLowerCase()]
  return long.length === short.length + 1 && long.startsWith(short) && long.at(-1) !== short.at(-1)
}

function key(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ')
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
