import type {ItemAdapter} from './adapter.ts'
import {uniqueLabels, uniqueLinks} from './unique.ts'
import {tokenize, textOf, type Token} from './tokens.ts'
import {badgeVenue, badgeWords} from './badge.ts'
import {cleanTitle, isGenericLabel} from './title.ts'
import {isPaperUrl} from '../paper-link.ts'
import {readSubBullets, splitLabels} from '../paper-entry.ts'
import {looksLikeVenue} from '../venue.ts'
import {placed} from '../paper-places.ts'
import type {Link, RawPaper} from '../../types.ts'

/**
 * The whole entry on one line, the venue beside the title:
 *
 *     - Some Title <br> EMNLP 2023 [[Paper]](https://arxiv.org/abs/…) [[Code]](https://github.com/…)
 *     - Some Title, <ins>ICML, 2025</ins> [[Paper](https://arxiv.org/abs/…)] [[Code]](…)
 *     - **Some Title** (Author et al., 2024, ACL) – [arXiv](https://arxiv.org/abs/…)
 *     - [Some Title](https://arxiv.org/abs/…) - NeurIPS 2024
 *
 * Badges before the title give the venue (`Conference-ICML'23`), labels (a type badge) and the code
 * (a GitHub stars badge); `- Label:` and `- Summary:` sub-bullets are read as in the bullets form.
 */
export const inline: ItemAdapter = {
  name: 'inline',
  reads: 'items',
  description: 'one line (title, venue, links)',
  read(item, section, at) {
    const first = item.children[0]
    if (first?.type !== 'paragraph') return undefined
    const tokens = tokenize(first.children)
    const start = tokens.findIndex((token) => (token.type === 'text' && token.value.trim() !== '') || token.type === 'link')
    if (start === -1) return undefined
    const head = readHead(tokens.slice(start))
    if (head.title === '') return undefined

    const badges = tokens.flatMap((token) => (token.type === 'badge' ? [token] : []))
    const venues = [...head.venues, ...badges.flatMap(({badge}) => badgeVenue(badge) ?? [])]
    const links: Link[] = []
    for (const token of tokens) {
      if (token.type === 'link' && token.href !== '') {
        const text = token.text.replace(/[[\]]/g, '').trim()
        const label = token === head.titleLink ? (isPaperUrl(token.href) ? 'Paper' : /github\.com|gitlab\.com/i.test(token.href) ? 'Code' : 'Link') : text || 'Link'
        links.push({label, href: token.href, position: token.node.position})
      }
      if (token.type === 'badge' && token.badge.stars && token.href) links.push({label: 'Code', href: token.href, position: first.position})
    }
    const sub = readSubBullets(item, at)
    const labels = badges.filter(({badge}) => !badge.stars && badgeVenue(badge) === undefined && badgeWords(badge) !== '').map(({badge}) => badgeWords(badge))
    for (const field of sub.fields) if (field.kind === 'labels') labels.push(...splitLabels(field.text))
    return placed(
      {
      number: head.number,
      title: head.title,
      venue: venues.find(looksLikeVenue) ?? sub.venue,
      links: uniqueLinks([...links, ...sub.links]),
      labels: uniqueLabels(labels),
      summary: sub.fields.find((field) => field.kind === 'summary' && field.text !== '')?.text,
      fields: sub.fields,
      section,
      position: item.position,
      titlePosition: head.titleLink?.node.position ?? first.position,
      numberPosition: undefined
      },
      at
    )
  }
}

interface Head {
  title: string
  number: number | undefined
  titleLink: Extract<Token, {type: 'link'}> | undefined
  /** Texts that may name the venue, best first. */
  venues: string[]
}

/** The title, and where the venue may be: a tag pair after it, a bracket, or the words before the links. */
function readHead(tokens: Token[]): Head {
  let number: number | undefined
  const opening = tokens[0]?.type === 'text' ? /^\s*\[\s*(\d+)\s*\]\s*/.exec(tokens[0].value) : null
  if (opening && tokens[0]?.type === 'text') {
    number = Number(opening[1])
    tokens = [{...tokens[0], value: tokens[0].value.slice(opening[0].length)}, ...tokens.slice(1)]
  }
  const head = tokens[0]!
  let titleLink: Head['titleLink']
  let title: string
  let rest: Token[]
  const group = head.type === 'text' || head.type === 'link' ? head.group : undefined
  if (group !== undefined) {
    // `**Title** (…)`: the bold run is the title.
    const end = tokens.findIndex((token) => !((token.type === 'text' || token.type === 'link') && token.group === group))
    const run = end === -1 ? tokens : tokens.slice(0, end)
    title = textOf(run)
    titleLink = run.find((token): token is Extract<Token, {type: 'link'}> => token.type === 'link')
    rest = end === -1 ? [] : tokens.slice(end)
  } else if (head.type === 'link' && !isGenericLabel(head.text)) {
    title = head.text
    titleLink = head
    rest = tokens.slice(1)
  } else {
    const end = tokens.findIndex((token) => token.type !== 'text')
    title = textOf(end === -1 ? tokens : tokens.slice(0, end))
    rest = end === -1 ? [] : tokens.slice(end)
  }
  const split = splitTitle(title)
  return {title: cleanTitle(split.title), number, titleLink, venues: [...split.venues, ...venuesIn(rest)]}
}

/**
 * A venue written into the title's own words: `Title - NeurIPS 2024`, `Title (Author et al., 2024, ACL)`,
 * `Title, ICML 2023`. Only a tail that reads as a venue is cut, so "Title - A Subtitle" stays whole.
 */
function splitTitle(text: string): {title: string; venues: string[]} {
  const bracket = /\s*[(（]([^()（）]*)[)）]\s*[-–—:|,.]?\s*$/.exec(text)
  if (bracket) {
    const venue = venueOfBracket(bracket[1]!)
    if (venue !== undefined) return {title: text.slice(0, bracket.index), venues: [venue]}
  }
  for (const separator of [/\s+[-–—|]+\s+/g, /\s*[,.;]\s+/g]) {
    for (const match of [...text.matchAll(separator)].reverse()) {
      const tail = cleanVenue(text.slice(match.index + match[0].length))
      if (tail !== '' && tail.split(' ').length <= 6 && looksLikeVenue(tail)) return {title: text.slice(0, match.index), venues: [tail]}
    }
  }
  return {title: text, venues: []}
}

/** `(Author et al., 2024, ACL)` → "ACL 2024": the bracket's venue and year, without its authors. */
function venueOfBracket(inner: string): string | undefined {
  const parts = inner.split(/[,;]/).map((part) => part.trim()).filter((part) => part !== '' && !/\bet al\b|\band\b|&/i.test(part))
  const year = parts.find((part) => /^(19|20)\d{2}$/.test(part))
  const names = parts.filter((part) => part !== year && looksLikeVenue(part))
  if (names.length === 0 && year === undefined) return undefined
  return [...names, year].filter(Boolean).join(' ')
}

/** The texts after the title that may name its venue: inside a tag pair, inside brackets, before the first link. */
function venuesIn(rest: Token[]): string[] {
  const found: string[] = []
  const open = rest.findIndex((token) => token.type === 'tag' && !token.closing)
  if (open !== -1) {
    const close = rest.findIndex((token, n) => n > open && token.type === 'tag' && token.closing)
    found.push(cleanVenue(textOf(rest.slice(open + 1, close === -1 ? undefined : close))))
  }
  const before = rest.findIndex((token) => token.type === 'link')
  const words = textOf((before === -1 ? rest : rest.slice(0, before)).filter((token) => token.type !== 'tag'))
  // `(Author et al., 2024, ACL)` gives its venue and year; `(Survey Track)` stays, as the venue's track.
  let left = words
  for (const bracket of words.matchAll(/[(（]([^()（）]*)[)）]/g)) {
    const venue = venueOfBracket(bracket[1]!)
    if (venue === undefined) continue
    found.push(venue)
    left = left.replace(bracket[0], ' ')
  }
  found.push(cleanVenue(left))
  // After the links: `[Title](…) [Code](…) - NeurIPS 2024`.
  const after = rest.findLastIndex((token) => token.type === 'link')
  if (after !== -1) found.push(cleanVenue(textOf(rest.slice(after + 1))))
  // "NeurIPS 2023 on Efficient Natural Language and Speech Processing" is a venue; a sentence is not.
  return found.filter((venue) => venue !== '' && venue.split(' ').length <= 12)
}

function cleanVenue(text: string): string {
  return text.replace(/[[\]*`]/g, ' ').replace(/\s+/g, ' ').replace(/^[\s,;:|.–—-]+|[\s,;:|.–—-]+$/g, '').trim()
}
