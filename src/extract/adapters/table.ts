import {toString} from 'mdast-util-to-string'
import type {TableCell, TableRow} from 'mdast'
import type {Columns, RowAdapter} from './adapter.ts'
import {uniqueLabels, uniqueLinks} from './unique.ts'
import {splitAtBreaks, textOf, tokenize, type Token} from './tokens.ts'
import {badgeVenue, badgeWords} from './badge.ts'
import {cleanTitle, isGenericLabel} from './title.ts'
import {isPaperUrl} from '../paper-link.ts'
import {parseVenue} from '../venue.ts'
import {placed} from '../paper-places.ts'
import type {Link, RawPaper} from '../../types.ts'

/** Header words for each column a table of papers may have. The first column to match a role takes it. */
const roles: Array<[Exclude<keyof Columns, 'headers'>, RegExp]> = [
  ['number', /^(no\.?|#|num(ber)?|id|idx|index|序号|编号)$/i],
  ['title', /title|标题|题目/i],
  ['venue', /venue|conference|\bconf\b|publication|\bpub\b|published|journal|booktitle|source|会议|期刊/i],
  ['year', /year|date|time|年份|时间/i],
  ['code', /code|github|repo|implementation|代码/i],
  ['labels', /type|keywords?|tags?|categor|label|topic|类别|标签/i],
  ['authors', /author|作者/i]
]

/**
 * A table of papers, one row each, its columns found by their header: No./#, Title/Paper/Name,
 * Venue/Conference/Publication/Pub, Year/Date, Code/Github, Type/Keywords/Tags/Category, Authors.
 * A title cell may hold badges and authors after a `<br>`, or link to the code while another column
 * links to the paper; a venue may be a shields.io badge (`Conference-ICML'23`).
 */
export const table: RowAdapter = {
  name: 'table',
  reads: 'rows',
  columns(node) {
    const headers = (node.children[0]?.children ?? []).map((cell) => toString(cell, {includeHtml: false}).replace(/\s+/g, ' ').trim())
    const columns: Columns = {headers, number: undefined, title: -1, venue: undefined, year: undefined, code: undefined, labels: undefined, authors: undefined}
    headers.forEach((header, n) => {
      const role = roles.find(([key, pattern]) => pattern.test(header) && (key === 'title' ? columns.title === -1 : columns[key] === undefined))
      if (role) columns[role[0]] = n
    })
    // Without a Title column, the paper's name is under Paper or Name.
    if (columns.title === -1) columns.title = headers.findIndex((header, n) => /paper|name|method|论文|名称/i.test(header) && !Object.values(columns).includes(n))
    return columns.title === -1 ? undefined : columns
  },
  describe(columns) {
    const used = new Set([columns.number, columns.title, columns.venue, columns.year, columns.code, columns.labels, columns.authors])
    return `table (${columns.headers.filter((header, n) => used.has(n) && header !== '').join(', ')})`
  },
  read(row, columns, section, at) {
    const cells = row.children.slice(0, columns.headers.length)
    const cell = (index: number | undefined) => (index === undefined ? undefined : cells[index])
    const titleCell = cell(columns.title)
    if (!titleCell || brokenRow(row, columns)) return undefined
    const tokens = tokenize(titleCell.children)
    const head = readTitle(tokens)
    if (head.title === '') return undefined

    const badges = cells.flatMap((each) => tokenize(each.children)).flatMap((token) => (token.type === 'badge' ? [token] : []))
    const venue = cellText(cell(columns.venue)) || badges.map(({badge}) => badgeVenue(badge)).find((text) => text !== undefined) || ''
    const year = /(?:19|20)\d{2}/.exec(cellText(cell(columns.year)))?.[0]
    const links: Link[] = []
    cells.forEach((each, n) => {
      for (const token of tokenize(each.children)) {
        if (token.type === 'link' && token.href !== '') links.push({label: linkLabel(token, token.node === head.link?.node, n === columns.code), href: token.href, position: token.node.position})
        if (token.type === 'badge' && token.badge.stars && token.href) links.push({label: 'Code', href: token.href, position: each.position})
      }
    })
    const typeBadges = badges.filter(({badge}) => !badge.stars && badgeVenue(badge) === undefined).map(({badge}) => badgeWords(badge))
    const labels = [...typeBadges, ...cellText(cell(columns.labels)).split(/[,;&/|]/)].map((label) => label.trim()).filter((label) => label !== '' && !/^[-–—]$/.test(label))
    const number = /^\s*0*(\d+)\s*$/.exec(cellText(cell(columns.number)))?.[1]
    return placed(
      {
      number: number === undefined ? undefined : Number(number),
      title: head.title,
      // The Year column completes a venue that names none: `ICLR` and `2020` → "ICLR 2020".
      venue: venue !== '' && year !== undefined && parseVenue(venue).year === undefined ? `${venue} ${year}` : venue || year || '',
      links: uniqueLinks(links),
      labels: uniqueLabels(labels),
      summary: undefined,
      fields: [],
      section,
      position: row.position,
      titlePosition: head.link?.node.position ?? titleCell.position,
      numberPosition: number === undefined ? undefined : cell(columns.number)?.position
      },
      at
    )
  }
}

/**
 * A row whose No. cell holds words: a title broken over two lines ends its row at the line break, and the
 * rest of it starts a row of its own, as GitHub shows it too.
 */
export function brokenRow(row: TableRow, columns: Columns): boolean {
  const number = columns.number === undefined ? undefined : row.children[columns.number]
  return number !== undefined && !/^\s*(#?\d+\.?|[-–—]?)\s*$/.test(toString(number))
}

/** The title in a title cell: the first line (`<br>` apart) with words, which may be a link; later lines are authors. */
function readTitle(tokens: Token[]): {title: string; link: Extract<Token, {type: 'link'}> | undefined} {
  for (const line of splitAtBreaks(tokens)) {
    const words = line.filter((token) => token.type === 'text' || (token.type === 'link' && !isGenericLabel(token.text)))
    const title = cleanTitle(textOf(words))
    if (title === '') continue
    const link = words.find((token): token is Extract<Token, {type: 'link'}> => token.type === 'link')
    return {title, link}
  }
  return {title: '', link: undefined}
}

/** A cell's words, with a badge's text for the badge: `ICLR **(Spotlight)**` → "ICLR (Spotlight)". */
function cellText(cell: TableCell | undefined): string {
  if (!cell) return ''
  const text = tokenize(cell.children)
    .map((token) => (token.type === 'badge' ? ` ${badgeVenue(token.badge) ?? badgeWords(token.badge)} ` : token.type === 'text' ? token.value : token.type === 'link' ? token.text : ' '))
    .join('')
  const clean = cleanTitle(text)
  return /^(-+|–|—|n\/?a|none|todo|\?)$/i.test(clean) ? '' : clean
}

function linkLabel(token: Extract<Token, {type: 'link'}>, isTitle: boolean, inCodeColumn: boolean): string {
  const text = token.text.replace(/[[\]]/g, '').trim()
  if (!isTitle && text !== '' && text !== token.href) return text
  if (isPaperUrl(token.href)) return 'Paper'
  return inCodeColumn || /github\.com|gitlab\.com/i.test(token.href) ? 'Code' : text || 'Link'
}
