import type {Venue} from '../types.ts'

const preprints: Record<string, string> = {arxiv: 'arXiv', biorxiv: 'bioRxiv', medrxiv: 'medRxiv', ssrn: 'SSRN', preprint: 'Preprint', openreview: 'OpenReview'}

/** Tracks, longest first, so "Tiny Paper" wins over "Paper". */
const tracks = ['Findings', 'Workshop', 'Tiny Paper', 'Oral', 'Spotlight', 'Highlight', 'Poster', 'Demo', 'Short', 'Long', 'Main']
/** Each track as a word of the venue, made once: a dev server's save reads every paper's venue again. */
const trackPatterns = tracks.map((candidate) => ({candidate, pattern: new RegExp(`(^|[\\s(])${candidate.replace(' ', '\\s+')}s?(?=$|[\\s)])`, 'i')}))

/**
 * The one spelling the site shows for each venue it knows, by its lower-case name: lists write
 * `Neurips`, `NIPS` and `NeurIPS` for one conference. A venue not listed keeps its first spelling.
 */
const spellings: Record<string, string> = Object.fromEntries(
  [
    'AAAI', 'ACL', 'AISTATS', 'ASPLOS', 'COLING', 'COLM', 'CVPR', 'DAC', 'EACL', 'ECCV', 'EMNLP', 'HPCA', 'ICASSP', 'ICCAD', 'ICCV',
    'ICLR', 'ICML', 'IJCAI', 'ISCA', 'Interspeech', 'JMLR', 'KDD', 'MICRO', 'MLSys', 'NAACL', 'NeurIPS', 'SIGIR', 'TACL', 'TMLR',
    'TPAMI', 'UAI', 'WACV', 'WWW'
  ].map((name) => [name.toLowerCase(), name])
)
spellings['nips'] = 'NeurIPS'

/**
 * Reads "Arxiv", "ICML23", "ICLR 2024", "NeurIPS 2024", "ACL 2024 Findings", "NAACL 2024 findings",
 * "ICML 2024 Workshop", "ICLR 2023 Tiny Paper", "Proceedings of the VLDB Endowment", "LREC-COLING 2024",
 * and the forms other lists write: "ICML'23", "EMNLP'24 Findings", "TMLR_2025", "ICLR (Oral)",
 * "NeurIPS 2023 Spotlight", "arxiv 2024", "ICML23 workshop", "IJCAI 2024 (Survey Track)".
 */
export function parseVenue(input: string): Venue {
  const text = input.replace(/\s+/g, ' ').trim()
  let rest = text
  let year: number | undefined
  let track: string | undefined

  const full = /(?:^|[\s'’_,(-])((?:19|20)\d{2})(?=$|[\s,)_-])/.exec(rest)
  if (full?.[1]) {
    year = Number(full[1])
    rest = (rest.slice(0, full.index) + ' ' + rest.slice(full.index + full[0].length)).trim()
  } else {
    // "ICML23", "ICML'23", "ICML-23": a two-digit year glued to the name.
    const short = /^([A-Za-z][A-Za-z-]*?)[\s'’_-]?(\d{2})(?=$|[\s,(])/.exec(rest)
    if (short?.[1] && short[2]) {
      year = 2000 + Number(short[2])
      rest = (short[1] + rest.slice(short[0].length)).trim()
    }
  }

  for (const {candidate, pattern} of trackPatterns) {
    const match = pattern.exec(rest)
    if (match) {
      track = candidate
      rest = (rest.slice(0, match.index + match[1]!.length) + rest.slice(match.index + match[0].length)).trim()
      break
    }
  }
  // What is left in brackets is a track of its own: "IJCAI 2024 (Survey Track)".
  rest = rest.replace(/\(\s*\)/g, ' ').trim()
  const bracketed = /\(([^()]+)\)\s*$/.exec(rest)
  if (bracketed && track === undefined) {
    track = bracketed[1]!.trim()
    rest = rest.slice(0, bracketed.index).trim()
  }

  let name = rest.replace(/[\s,;:()-]+$/, '').replace(/^[\s,;:()-]+/, '').trim()
  // "ICML 2023 Workshop ES-FoMO" is at ICML: a venue the site knows, followed by more words, is that venue.
  const first = /^[A-Za-z]+/.exec(name)?.[0].toLowerCase()
  if (first !== undefined && first !== name.toLowerCase() && Object.hasOwn(spellings, first) && /^[A-Za-z]+\s/.test(name)) name = spellings[first]!
  // Own keys only: a venue written `constructor` must not find Object.prototype's.
  const key = name.toLowerCase()
  const preprint = Object.hasOwn(preprints, key) ? preprints[key] : undefined
  const known = Object.hasOwn(spellings, key) ? spellings[key] : undefined
  return {
    text,
    // A year alone ("2023", from a Year column) names no venue.
    name: preprint ?? known ?? (name || (year === undefined ? text : '')),
    year,
    track,
    preprint: preprint !== undefined && key !== 'openreview'
  }
}

/** Does this text name a venue: a known one, a preprint server, or anything with a year? */
export function looksLikeVenue(text: string): boolean {
  const venue = parseVenue(text)
  const key = venue.name.toLowerCase()
  return venue.year !== undefined || Object.hasOwn(spellings, key) || (Object.hasOwn(preprints, key) && key !== 'preprint')
}
