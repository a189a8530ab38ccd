/** A venue string as the list writes it, read into its parts. */
export interface Venue {
  /** As written: "ICML23", "ACL 2024 Findings", "Arxiv". */
  text: string
  /** The venue's name: "ICML", "ACL", "arXiv". */
  name: string
  /** Four-digit year, when the string gives one. */
  year: number | undefined
  /** "Findings", "Workshop", "Tiny Paper", … when given. */
  track: string | undefined
  /** A preprint server rather than a peer-reviewed venue. */
  preprint: boolean
}

const preprints: Record<string, string> = {arxiv: 'arXiv', biorxiv: 'bioRxiv', medrxiv: 'medRxiv', ssrn: 'SSRN', preprint: 'Preprint', openreview: 'OpenReview'}

/** Tracks, longest first, so "Tiny Paper" wins over "Paper". */
const tracks = ['Findings', 'Workshop', 'Tiny Paper', 'Oral', 'Spotlight', 'Poster', 'Demo', 'Short', 'Long', 'Main']

/**
 * Reads "Arxiv", "ICML23", "ICLR 2024", "NeurIPS 2024", "ACL 2024 Findings", "NAACL 2024 findings",
 * "ICML 2024 Workshop", "ICLR 2023 Tiny Paper", "Proceedings of the VLDB Endowment", "LREC-COLING 2024".
 */
export function parseVenue(input: string): Venue {
  const text = input.replace(/\s+/g, ' ').trim()
  let rest = text
  let year: number | undefined
  let track: string | undefined

  const full = /(?:^|[\s'’-])((?:19|20)\d{2})(?=$|[\s,)-])/.exec(rest)
  if (full?.[1]) {
    year = Number(full[1])
    rest = (rest.slice(0, full.index) + ' ' + rest.slice(full.index + full[0].length)).trim()
  } else {
    // "ICML23", "ICML'23", "ICML-23": a two-digit year glued to the name.
    const short = /^([A-Za-z][A-Za-z-]*?)[\s'’-]?(\d{2})(?=$|\s)/.exec(rest)
    if (short?.[1] && short[2]) {
      year = 2000 + Number(short[2])
      rest = (short[1] + rest.slice(short[0].length)).trim()
    }
  }

  for (const candidate of tracks) {
    const pattern = new RegExp(`(^|\\s)${candidate.replace(' ', '\\s+')}s?(?=$|\\s)`, 'i')
    const match = pattern.exec(rest)
    if (match) {
      track = candidate
      rest = (rest.slice(0, match.index) + rest.slice(match.index + match[0].length)).trim()
      break
    }
  }

  const name = rest.replace(/[\s,;:()-]+$/, '').replace(/^[\s,;:()-]+/, '').trim()
  // Own keys only: a venue written `constructor` must not find Object.prototype's.
  const preprint = Object.hasOwn(preprints, name.toLowerCase()) ? preprints[name.toLowerCase()] : undefined
  return {
    text,
    name: preprint ?? (name || text),
    year,
    track,
    preprint: preprint !== undefined && name.toLowerCase() !== 'openreview'
  }
}
