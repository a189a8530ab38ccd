/**
 * What BibTeX itself sees in a .bib file. BibTeX (unlike biber and most JavaScript parsers) has no
 * comment character: everything between entries is skipped until the next `@`, which always starts a
 * command, whatever precedes it on its line: `% x @preamble{…}` is a preamble. This follows the
 * top-level loop of bibtex.web (§ 238 onwards): `@`, an identifier, white space, then `{` or `(` and a
 * body read to its balanced close.
 */
export interface BibtexCommand {
  /** `misc`, `preamble`, `string`, `comment`, …, lower-cased; `''` when `@` is not followed by a name. */
  command: string
  /** For an entry: the text up to the first comma of its body. */
  key: string
  /** Offset of the `@`. */
  at: number
}

export function bibtexCommands(text: string): BibtexCommand[] {
  const commands: BibtexCommand[] = []
  let at = text.indexOf('@')
  while (at !== -1) {
    const name = /^@\s*([A-Za-z][^\s"#%'(),={}]*)?\s*/.exec(text.slice(at))!
    const command = (name[1] ?? '').toLowerCase()
    let next = at + name[0].length
    const open = text[next]
    let key = ''
    // @comment takes nothing: BibTeX goes back to skipping. Every other command reads its body.
    if (command !== '' && command !== 'comment' && (open === '{' || open === '(')) {
      const close = open === '{' ? '}' : ')'
      let depth = 0
      let end = next
      for (; end < text.length; end++) {
        const c = text[end]
        if (c === '{') depth++
        else if (c === '}') depth--
        if (open === '(' && c === ')' && depth === 0) break
        if (open === '{' && c === close && depth === 0) break
      }
      key = text.slice(next + 1, end).split(',')[0]!.trim()
      next = end + 1
    }
    commands.push({command, key, at})
    at = text.indexOf('@', next)
  }
  return commands
}
