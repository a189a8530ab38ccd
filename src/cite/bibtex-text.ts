import {cleanText} from '../util/clean-text.ts'

/**
 * Text for a .bib file, in the three places the site writes it. Everything BibTeX writes goes through
 * one of these: a pull request must not be able to add an entry, a @preamble (which LaTeX runs:
 * `\input{/etc/passwd}`, `\write18`) or a field, nor unbalance a brace.
 *
 * Each is one line: white space (line breaks included) becomes a single space, and the characters
 * no output may carry (see clean-text.ts) are dropped.
 */

/**
 * Text outside entries, such as the header line. BibTeX has no comment character: it skips what lies
 * between entries up to the next `@`, which starts a command wherever it stands, `%` or not. So `@`
 * is written `(at)`; nothing else is special there. The `%` that opens the line keeps it a comment
 * for biber and the parsers that know one.
 */
export function bibComment(text: string): string {
  return oneLine(text).replace(/@/g, '(at)')
}

/**
 * A braced field value read as LaTeX text (title, author, booktitle, …): every character that BibTeX
 * or LaTeX give a meaning becomes a command that prints it. Braces never stay as they are, so the
 * field's own braces always close where it ends; `@` is plain text inside a braced value. Pairs that
 * LaTeX fonts join into another glyph (`--` into a dash, `''` into a quote) are kept apart with `{}`.
 */
export function bibField(text: string): string {
  return oneLine(text)
    .replace(/[\\{}&%$#_~^<>|]/g, (c) => fieldCommands[c]!)
    .replace(/([-'`,])(?=\1)|([?!])(?=`)/g, '$1$2{}')
}

/**
 * A verbatim field (url, doi, eprint), which LaTeX prints as written: only what would end the field
 * or the line, or open math, is percent-encoded: braces, backslashes, white space and `$` (which
 * bibtex-parser reads as math even there). `%` and `#` stay, as URLs need them; inside a braced
 * verbatim field they are plain characters.
 */
export function bibVerbatim(text: string): string {
  return oneLine(text).replace(/[{}\\ $]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/**
 * An author list: names joined by ` and `. A name that holds a comma or the word "and" is braced
 * whole, so BibTeX reads it as one name rather than as several, or as "Last, First".
 */
export function bibNames(names: string[]): string {
  return names
    .map(bibField)
    .filter((name) => name.trim() !== '')
    .map((name) => (/,|(^|\s)and(\s|$)/i.test(name) ? `{${name}}` : name))
    .join(' and ')
}

const fieldCommands: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In LaTeX's default font encoding these print ¡, ¿ and a dash.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}'
}

function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim()
}
