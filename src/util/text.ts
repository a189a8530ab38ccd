/** Letters without their accents: `é` → `e`. NFKD splits a letter from its combining marks, which are dropped. */
export function withoutAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
}

/** Letters and digits only, lower case, one space between words: markdown emphasis and spacing do not change it. */
export function words(text: string): string {
  return withoutAccents(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/** Names compared regardless of case, spacing and punctuation: `LLaMA-2` and `llama 2` fold alike. */
export function fold(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

/** Text over `max` characters cut to its first `keep` and an ellipsis, for a message or a summary. */
export function truncate(text: string, max: number, keep = max - 1): string {
  return text.length > max ? `${text.slice(0, keep)}…` : text
}

/** Text over `max` characters cut at its last space past the middle (else at `max`), with an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max)}…`
}

/** A title cut to 60 characters, for a message. */
export function shortTitle(title: string): string {
  return truncate(title, 60, 57)
}

/** A paper's number as the list writes it, `[4]`; empty for an unnumbered paper. */
export function numberLabel(number: number | undefined): string {
  return number === undefined ? '' : `[${number}]`
}
