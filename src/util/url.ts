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
