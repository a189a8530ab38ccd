import {cleanText} from './clean-text.ts'

/** The only schemes a link from the README may use. Everything else (javascript:, data:, vbscript:, file:) is refused. */
export const allowedSchemes: readonly string[] = ['http', 'https', 'mailto']

/** The same, as `URL.protocol` writes them: `https:`. */
export const allowedProtocols = new Set(allowedSchemes.map((scheme) => `${scheme}:`))

/**
 * Is this an absolute http(s) or mailto URL? Browsers ignore control characters and whitespace
 * inside a scheme, so those make a URL unsafe rather than being stripped and trusted; so do the
 * other characters no output may carry (noncharacters, lone surrogates).
 */
export function isSafeUrl(href: string): boolean {
  if (/[\u0000-\u0020\u007f-\u009f]/.test(href) || cleanText(href) !== href) return false
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return false
  }
  return allowedProtocols.has(url.protocol)
}

/** Every http(s) URL written out in a text, each up to a space, a quote, an angle bracket or a closing bracket. */
export function urlsInText(text: string): string[] {
  return text.match(/https?:\/\/[^\s<>"'`)\]]+/g) ?? []
}

/** A percent-encoded part of a URL (an anchor, a path, a badge's text) decoded; as written when it is not valid. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
