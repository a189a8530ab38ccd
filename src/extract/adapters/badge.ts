import {safeDecode} from '../../util/url.ts'

/** What a shields.io badge says: `Conference-ICML'23-blue` → label "Conference", message "ICML'23". */
export interface Badge {
  label: string | undefined
  message: string
  /** A GitHub stars (or forks, watchers) badge: it stands for the code, not for a word. */
  stars: boolean
}

/**
 * Reads a badge URL: `img.shields.io/badge/LABEL-MESSAGE-COLOR`, `…/badge/MESSAGE-COLOR.svg`,
 * `…/static/v1?label=…&message=…`, and `…/github/stars/owner/repo`. Any other URL is not a badge.
 * In the path form `--` is a dash, `__` an underscore and `_` a space, as shields.io writes them.
 */
export function readBadge(src: string): Badge | undefined {
  let url: URL
  try {
    url = new URL(src.trim())
  } catch {
    return undefined
  }
  if (!/(^|\.)(shields\.io|badgen\.net)$/i.test(url.hostname)) return undefined
  const path = url.pathname
  if (/^\/github\/(stars|forks|watchers)\//i.test(path)) return {label: undefined, message: '', stars: true}
  const query = url.searchParams
  if (query.has('message')) return {label: words(query.get('label') ?? '') || undefined, message: words(query.get('message') ?? ''), stars: false}
  const content = /^\/badge\/(.+?)(\.svg|\.png)?$/i.exec(path)?.[1]
  if (!content) return undefined
  const parts = safeDecode(content).split(/(?<!-)-(?!-)/).map((part) => words(part.replace(/--/g, '-').replace(/__/g, '\u0000').replace(/_/g, ' ').replace(/\u0000/g, '_')))
  // The last part is the colour; with three parts the first is the label.
  if (parts.length >= 3) return {label: parts[0] || undefined, message: parts.slice(1, -1).join('-'), stars: false}
  return {label: undefined, message: parts[0] ?? '', stars: false}
}

/** Labels that only say "this badge is the venue": `Conference-ICML'23`, `Publish-NeurIPS'23`. */
const venueLabels = /^(conference|conf|venue|publish(ed)?|publication|pub|journal|accepted)$/i

/** The venue a badge names, when it names one: "ICML'23" from `Conference-ICML'23`, "ICML 2023" from `ICML-2023`. */
export function badgeVenue(badge: Badge): string | undefined {
  if (badge.stars || badge.message === '') return undefined
  if (badge.label && venueLabels.test(badge.label)) return badge.message
  if (badge.label && /^(19|20)\d{2}$/.test(badge.message)) return `${badge.label} ${badge.message}`
  return undefined
}

/** The words a badge shows, for a label or a type: "structured", "Quantization". */
export function badgeWords(badge: Badge): string {
  return badge.stars ? '' : badge.message
}

function words(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
