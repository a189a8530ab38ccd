import {limits} from './limits.ts'
import {count, type InlineRun, type LimitViolation} from './inline-run.ts'

/**
 * The limits on the README as a whole: markup, footnote calls, cells, entries, definitions, footnotes. Each is
 * counted as the scan goes, and reported once, at the line where the count goes over.
 */
export class LimitTotals {
  readonly found: LimitViolation[]
  #markup = 0
  #footnoteCalls = 0
  #cells = 0
  #entries = 0
  #definitions = 0
  #footnotes = 0

  constructor(found: LimitViolation[]) {
    this.found = found
  }

  /** A finished run of text (a paragraph or a cell): what is over a limit in it, and its part of the totals. */
  run(done: InlineRun): void {
    this.found.push(...done.violations())
    this.#markup = this.#add(this.#markup, done.markup, limits.markup, done.line, (total) => ({
      ruleId: 'too-much-markup',
      reason: `The README has ${count(total)} pieces of markup (\`[\`, \`]\`, \`\\\`, \`&\`, \`<\`, and runs of \`*\`, \`_\`, \`~\` or backticks) by this line, more than the ${count(limits.markup)} the site reads in one list`,
      fix: 'write less markup, or split the list into several READMEs'
    }))
    this.#footnoteCalls = this.#add(this.#footnoteCalls, done.footnoteCalls, limits.footnoteCalls, done.line, (total) => ({
      ruleId: 'too-many-footnotes',
      reason: `The README has ${count(total)} footnote calls (\`[^…]\`) by this line, more than the ${count(limits.footnoteCalls)} the site reads in one list`,
      fix: 'fold notes together, or write them in the text'
    }))
  }

  /** A table row's cells. */
  cells(row: number, line: number): void {
    this.#cells = this.#add(this.#cells, row, limits.cells, line, (total) => ({
      ruleId: 'too-many-columns',
      reason: `The README's tables have ${count(total)} cells by this row, more than the ${count(limits.cells)} the site reads in one list`,
      fix: 'remove columns the site does not read, or split the list into several READMEs'
    }))
  }

  /** A table row or a paper-like list item: one more page for the site. */
  entry(line: number): void {
    this.#entries = this.#add(this.#entries, 1, limits.entries, line, (total) => ({
      ruleId: 'too-many-entries',
      reason: `This is entry ${count(total)} (table rows and list items that open with \`[\`, as papers do), more than the ${count(limits.entries)} the site builds pages for`,
      fix: 'split the list into several READMEs'
    }))
  }

  definition(kind: 'link' | 'footnote', line: number, column: number): void {
    if (kind === 'link') {
      this.#definitions = this.#add(this.#definitions, 1, limits.definitions, line, (total) => ({
        ruleId: 'too-many-definitions',
        reason: `This is link definition ${count(total)}, more than the ${count(limits.definitions)} the site reads in one list`,
        fix: 'write the links inline: `[text](https://…)`'
      }), column)
    } else {
      this.#footnotes = this.#add(this.#footnotes, 1, limits.footnotes, line, (total) => ({
        ruleId: 'too-many-footnotes',
        reason: `This is footnote ${count(total)}, more than the ${count(limits.footnotes)} the site reads in one list`,
        fix: 'fold notes together, or write them in the text'
      }), column)
    }
  }

  /** Adds to a total, and reports the line at which it first goes over its limit. */
  #add(total: number, more: number, limit: number, line: number, message: (total: number) => Omit<LimitViolation, 'line' | 'column'>, column = 1): number {
    const next = total + more
    if (total <= limit && next > limit) this.found.push({...message(next), line, column})
    return next
  }
}
