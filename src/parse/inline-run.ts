import {limits} from './limits.ts'

/** What is over a limit, and where: a rule id, a place, and the message's two halves. */
export interface LimitViolation {
  ruleId: string
  line: number
  column: number
  reason: string
  fix: string
}

/** The place a character is at: the line and the offset that line starts at. */
export interface LinePlace {
  line: number
  lineStart: number
}

const backslash = 92
const bracketOpen = 91
const bracketClose = 93
const backtick = 96
const caret = 94
/** `*`, `_` and `~`: delimiter runs that may open or close emphasis, strong or strikethrough. */
const delimiters = new Set([42, 95, 126])
/** `*`, `_`, `~`, backtick, `\`, `&`, `<`, `[`, `]`: each starts a construct the parser tries. */
const markupCharacters = new Set([42, 95, 126, 96, 92, 38, 60, 91, 93])

/**
 * What `feed` does with each ASCII character: 1, count it as markup; 2, read it (escapes, brackets, backtick
 * and delimiter runs). Anything else, and every character past ASCII, is text, which most of a list is:
 * a table lookup lets it pass without a set lookup or a write per character.
 */
const handling = new Uint8Array(128)
for (const code of markupCharacters) handling[code]! |= 1
for (const code of [backslash, bracketOpen, bracketClose, backtick, ...delimiters]) handling[code]! |= 2

interface Opener {
  kind: number
  /** Characters of the run not matched yet; each can open one level. */
  units: number
  /** The deepest nesting closed since this opener, which this opener's pair will enclose. */
  inner: number
  id: number
}

/**
 * One run of inline text as the parser will read it — a paragraph (all its lines), a heading or one table
 * cell — measured as it is fed, without parsing: its length, its `[`, how deep its emphasis and brackets
 * nest, how many closers close nothing and how many backtick runs open no code span.
 *
 * The nesting is found by matching closers to openers the way CommonMark does (a closer takes the nearest
 * opener of its kind; openers between are dropped), one level per delimiter character, on a stack, so the
 * work is linear whatever the input. It is an estimate: it can only see deeper than the parser will, never
 * shallower, for emphasis (one `**` is two levels here and one strong in the tree). The tree is measured
 * again after parsing (`findDeepNode`), so this estimate only has to keep the parser from the slow inputs.
 */
export class InlineRun {
  readonly #kind: 'paragraph' | 'cell'
  readonly #line: number
  readonly #column: number
  length = 0
  brackets = 0
  /** Characters the parser treats as markup: what its time grows with. */
  markup = 0
  /** `[^`: footnote calls (a definition's own label counts too). */
  footnoteCalls = 0
  /** The longest line fed: a line too long is reported as such, not again as its paragraph. */
  #longestLine = 0
  #stack: Opener[] = []
  /** Per kind of opener, the ids of its entries on the stack, innermost last; stale ones are skipped. */
  #byKind = new Map<number, Opener[]>()
  #nextId = 0
  #deepest = 0
  #deepAt: {line: number; column: number} | undefined
  #unmatched = 0
  #unmatchedAt: {line: number; column: number} | undefined
  /** Backtick runs, by length, with where each ends in the run's text (for the unclosed-code count). */
  #ticks: number[] = []
  #ticksAt: Array<{line: number; column: number}> = []

  constructor(kind: 'paragraph' | 'cell', line: number, column: number) {
    this.#kind = kind
    this.#line = line
    this.#column = column
  }

  get line(): number {
    return this.#line
  }

  /** Reads `source.slice(from, to)`, one line (or the part of it in a cell), into the run. */
  feed(source: string, from: number, to: number, place: LinePlace): void {
    this.length += to - from
    this.#longestLine = Math.max(this.#longestLine, to - from)
    let i = from
    while (i < to) {
      const code = source.charCodeAt(i)
      const how = code < 128 ? handling[code]! : 0
      if (how & 1) this.markup++
      if (!(how & 2)) {
        i++
        continue
      }
      if (code === backslash && i + 1 < to && isAsciiPunctuation(source.charCodeAt(i + 1))) {
        i += 2
        continue
      }
      if (code === bracketOpen) {
        this.brackets++
        if (source.charCodeAt(i + 1) === caret) this.footnoteCalls++
        this.#push(bracketOpen, 1)
      } else if (code === bracketClose) {
        this.#close(bracketOpen, 1, false, place, i)
      } else if (code === backtick) {
        let j = i + 1
        while (j < to && source.charCodeAt(j) === backtick) j++
        this.#ticks.push(j - i)
        this.#ticksAt.push({line: place.line, column: i - place.lineStart + 1})
        i = j
        continue
      } else if (delimiters.has(code)) {
        let j = i + 1
        while (j < to && source.charCodeAt(j) === code) j++
        // The character before the run: the one before it on this line, or the line ending before the line (white space).
        this.#delimiterRun(code, j - i, i > from ? source.charCodeAt(i - 1) : 10, j < to ? source.charCodeAt(j) : 10, place, i)
        i = j
        continue
      }
      i++
    }
  }

  /** What is over a limit in this run, once it has been fed whole. */
  violations(): LimitViolation[] {
    const found: LimitViolation[] = []
    const what = this.#kind === 'cell' ? 'table cell' : 'paragraph'
    const maxLength = this.#kind === 'cell' ? limits.cellLength : limits.paragraphLength
    if (this.length > maxLength && this.#longestLine <= limits.lineLength) {
      found.push({
        ruleId: this.#kind === 'cell' ? 'cell-too-long' : 'paragraph-too-long',
        line: this.#line,
        column: this.#column,
        reason: `This ${what} is ${count(this.length)} characters long, more than the ${count(maxLength)} the site reads in one ${what}`,
        fix: this.#kind === 'cell' ? 'shorten the cell, or split the row' : 'shorten it, or split it with blank lines'
      })
    }
    if (this.brackets > limits.referencesPerCell) {
      found.push({
        ruleId: 'too-many-references',
        line: this.#line,
        column: this.#column,
        reason: `This ${what} has ${count(this.brackets)} \`[\`, more than the ${count(limits.referencesPerCell)} references or links one ${what} may have`,
        fix: this.#kind === 'cell' ? 'cite fewer papers in one cell' : 'split it with blank lines, or write fewer links'
      })
    }
    if (this.#deepest > limits.inlineNesting && this.#deepAt) {
      found.push({
        ruleId: 'nesting-too-deep',
        line: this.#deepAt.line,
        column: this.#deepAt.column,
        reason: `Text here nests ${count(this.#deepest)} levels deep (emphasis, strikethrough or brackets inside each other), more than the ${limits.inlineNesting} the site supports`,
        fix: 'remove the extra `*`, `_`, `~` or `[`'
      })
    }
    if (this.#unmatched > limits.unmatchedClosers && this.#unmatchedAt) {
      found.push({
        ruleId: 'markup-unclosed',
        line: this.#unmatchedAt.line,
        column: this.#unmatchedAt.column,
        reason: `This ${what} has ${count(this.#unmatched)} \`*\`, \`_\`, \`~\` or \`]\` that close nothing, more than the ${limits.unmatchedClosers} one ${what} may have`,
        fix: 'escape the ones meant as text with a backslash (`\\*`, `\\_`, `\\]`), or delete them'
      })
    }
    const unclosed = this.#unclosedCode()
    if (unclosed.count > limits.unclosedCode && unclosed.at) {
      found.push({
        ruleId: 'markup-unclosed',
        line: unclosed.at.line,
        column: unclosed.at.column,
        reason: `This ${what} has ${count(unclosed.count)} runs of backticks that open no code span, more than the ${limits.unclosedCode} one ${what} may have`,
        fix: 'close each code span with as many backticks as opened it, or escape the backticks (`\\``)'
      })
    }
    return found
  }

  #push(kind: number, units: number): void {
    const opener = {kind, units, inner: 0, id: this.#nextId++}
    this.#stack.push(opener)
    let list = this.#byKind.get(kind)
    if (!list) this.#byKind.set(kind, (list = []))
    list.push(opener)
  }

  /** The innermost opener of a kind still on the stack, dropping stale entries. */
  #nearest(kind: number): number {
    const list = this.#byKind.get(kind)
    while (list && list.length > 0) {
      const opener = list[list.length - 1]!
      const at = this.#indexOf(opener)
      if (at !== -1) return at
      list.pop()
    }
    return -1
  }

  /** Where an opener sits on the stack, or -1 once it was dropped or used up. Entries keep their order, so a binary search by id finds it. */
  #indexOf(opener: Opener): number {
    let low = 0
    let high = this.#stack.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const id = this.#stack[middle]!.id
      if (id === opener.id) return this.#stack[middle] === opener && opener.units > 0 ? middle : -1
      if (id < opener.id) low = middle + 1
      else high = middle - 1
    }
    return -1
  }

  /** A closer of `units` characters: matched against the nearest openers of its kind, level by level. */
  #close(kind: number, units: number, canOpen: boolean, place: LinePlace, offset: number): void {
    let left = units
    while (left > 0) {
      const at = this.#nearest(kind)
      if (at === -1) break
      // Openers between the match and the closer can no longer match anything: they are dropped, and
      // whatever closed inside them is inside this pair too.
      const opener = this.#stack[at]!
      for (let above = this.#stack.length - 1; above > at; above--) opener.inner = Math.max(opener.inner, this.#stack[above]!.inner)
      this.#stack.length = at + 1
      const levels = Math.min(left, opener.units)
      const depth = opener.inner + levels
      opener.units -= levels
      left -= levels
      if (depth > this.#deepest) {
        this.#deepest = depth
        if (depth > limits.inlineNesting && !this.#deepAt) this.#deepAt = {line: place.line, column: offset - place.lineStart + 1}
      }
      if (opener.units === 0) {
        this.#stack.pop()
        const outer = this.#stack[this.#stack.length - 1]
        if (outer) outer.inner = Math.max(outer.inner, depth)
      } else opener.inner = depth
    }
    if (left === 0) return
    if (canOpen) this.#push(kind, left)
    else {
      this.#unmatched++
      if (this.#unmatched > limits.unmatchedClosers && !this.#unmatchedAt) this.#unmatchedAt = {line: place.line, column: offset - place.lineStart + 1}
    }
  }

  /** A run of `*`, `_` or `~`: whether it can open or close follows CommonMark's flanking rules. */
  #delimiterRun(kind: number, units: number, before: number, after: number, place: LinePlace, offset: number): void {
    const left = !isWhiteSpace(after) && (!isPunctuation(after) || isWhiteSpace(before) || isPunctuation(before))
    const right = !isWhiteSpace(before) && (!isPunctuation(before) || isWhiteSpace(after) || isPunctuation(after))
    // `_` inside a word opens and closes nothing.
    const canOpen = kind === 95 ? left && (!right || isPunctuation(before)) : left
    const canClose = kind === 95 ? right && (!left || isPunctuation(after)) : right
    if (canClose) this.#close(kind, units, canOpen, place, offset)
    else if (canOpen) this.#push(kind, units)
  }

  /**
   * Backtick runs that open no code span: a run is closed by the next run of the same length, and what lies
   * between is code, so the runs are walked in order, jumping over each span.
   */
  #unclosedCode(): {count: number; at: {line: number; column: number} | undefined} {
    const runs = this.#ticks
    const next = new Array<number>(runs.length)
    const last = new Map<number, number>()
    for (let i = runs.length - 1; i >= 0; i--) {
      next[i] = last.get(runs[i]!) ?? -1
      last.set(runs[i]!, i)
    }
    let unclosed = 0
    let at: {line: number; column: number} | undefined
    for (let i = 0; i < runs.length; ) {
      if (next[i] !== -1) {
        i = next[i]! + 1
        continue
      }
      unclosed++
      if (unclosed > limits.unclosedCode && !at) at = this.#ticksAt[i]
      i++
    }
    return {count: unclosed, at}
  }
}

function isWhiteSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0 || (code > 0x1fff && /\s/.test(String.fromCharCode(code)))
}

function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126)
}

const unicodePunctuation = /[\p{P}\p{S}]/u

function isPunctuation(code: number): boolean {
  return isAsciiPunctuation(code) || (code > 127 && unicodePunctuation.test(String.fromCharCode(code)))
}

export function count(n: number): string {
  return n.toLocaleString('en-US')
}
