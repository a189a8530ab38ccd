const newStyle = String.raw`\d{4}\.\d{4,5}`

/** An arXiv id without its version: new style `2402.02834`, old style `cs/0112017` or `math.AG/0601001`. */
export const arxivIdForm = new RegExp(`${newStyle}|[a-z-]+(?:\\.[A-Z]{2})?\\/\\d{7}`)

/** A new-style arXiv id as a table cell cites it, with an optional version: `2402.02834`, `2402.02834v2`. */
export const citedArxivId = new RegExp(`${newStyle}(?:v\\d+)?`)

const arxivPath = new RegExp(`^/(?:abs|pdf|html)/(${arxivIdForm.source})(?:v\\d+)?(?:\\.pdf)?/?$`, 'i')

/**
 * The arXiv id in an arXiv URL: `/abs/2402.02834`, `/pdf/2402.02834v2`, `/pdf/2402.02834.pdf`,
 * and old-style ids such as `/abs/cs/0112017`. The version suffix is dropped: it names the same paper.
 */
export function arxivId(href: string): string | undefined {
  if (idOf.has(href)) return idOf.get(href)
  // Full: start again rather than hold every URL a long-lived process (the dev server) ever read.
  if (idOf.size >= maxRemembered) idOf.clear()
  const id = readArxivId(href)
  idOf.set(href, id)
  return id
}

/**
 * Each URL's answer, remembered: the extractor, the linker and several rules ask about every link, and
 * the dev server asks again on every save; parsing a URL is most of the cost of an answer.
 */
const idOf = new Map<string, string | undefined>()
const maxRemembered = 100_000

function readArxivId(href: string): string | undefined {
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return undefined
  }
  if (!/(^|\.)arxiv\.org$/i.test(url.hostname)) return undefined
  const match = arxivPath.exec(url.pathname)
  return match?.[1]
}

/** The month a new-style id was submitted in: 2402.02834 → February 2024. Old-style ids carry YYMM too. */
export function arxivDate(id: string): {year: number; month: number} | undefined {
  const match = /(?:^|\/)(\d{2})(\d{2})(?:\.|\d{3}$)/.exec(id)
  if (!match) return undefined
  const yy = Number(match[1])
  const month = Number(match[2])
  if (month < 1 || month > 12) return undefined
  // arXiv began in 1991; two-digit years below that are this century.
  return {year: yy >= 91 ? 1900 + yy : 2000 + yy, month}
}
