import type {ListItem, Paragraph} from 'mdast'
import type {ItemAdapter} from './adapter.ts'
import {uniqueLabels, uniqueLinks} from './unique.ts'
import {tokenize, textOf, type Token} from './tokens.ts'
import {badgeWords} from './badge.ts'
import {cleanTitle, isGenericLabel} from './title.ts'
import {bareUrls} from '../paper-link.ts'
import {splitLabels} from '../paper-entry.ts'
import {placed} from '../paper-places.ts'
import type {Link, RawField, RawFieldKind, RawPaper} from '../../types.ts'

/** `Author:`, `Pub:`, `摘要：`: a key in any script, then a colon (or a full-width one). */
const keyPattern = /^\s*([\p{L}][\p{L}\p{N} ;&/.()'’-]{0,40}?)\s*[:：]\s*/u

type Kind = Exclude<RawFieldKind, 'unknown'>

/** The keys this form gives a meaning; any other key is `extra`: kept for the rules, not shown. */
const keys: Array<[Kind, RegExp, string?]> = [
  ['labels', /^(labels?|tags?|keywords?|topics?|types?|categor(y|ies))$/i],
  ['summary', /^(summary|summaries|tl;?\s?dr|abstract|description|摘要|总结|概述|简介|要点)\b/iu],
  ['publication', /^(pub|publication|published(\s+(in|at))?|venue|conference|conf|journal|proceedings)$/i],
  ['links', /^(links?|paper|paper link|pdf|arxiv|url)$/i, 'Paper'],
  ['links', /^(code|codes|github|repo|repository|implementation)$/i, 'Code'],
  ['links', /^(project|project page|homepage|website|page)$/i, 'Project']
]

/**
 * A title line, then one `- Key: value` sub-bullet per fact:
 *
 *     - SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot
 *       - Label: <img src=https://img.shields.io/badge/unstructured-turquoise.svg>
 *       - Author: Elias Frantar, Dan Alistarh
 *       - Link: https://arxiv.org/pdf/2301.00774.pdf
 *       - Code: https://github.com/IST-DASLab/sparsegpt
 *       - Pub: ICML 2023
 *       - Summary: …
 *
 * Links may be bare URLs, labels may be badges (the label is the badge's text), and a list may add keys
 * of its own (`Comment:`, a second summary in another language).
 */
export const keyValue: ItemAdapter = {
  name: 'key-value',
  reads: 'items',
  description: 'key–value sub-bullets (title, then Author:, Link:, Pub:, Label:, Summary:)',
  read(item, section, at) {
    const [first, ...rest] = item.children
    if (first?.type !== 'paragraph') return undefined
    const subItems = rest.flatMap((child) => (child.type === 'list' ? flatten(child.children) : []))
    const fields = subItems.flatMap((sub) => {
      const paragraph = sub.children[0]
      return paragraph?.type === 'paragraph' ? [readField(paragraph)] : []
    })
    if (!fields.some((field) => field.field.key !== '')) return undefined

    const head = readTitle(first)
    const links = [...head.links, ...fields.flatMap((field) => field.links)]
    const labels = uniqueLabels(fields.flatMap((field) => field.labels))
    const publication = fields.find((field) => field.field.kind === 'publication' && field.field.text !== '')
    return placed(
      {
      number: head.number,
      title: head.title,
      venue: publication ? cleanVenue(publication.field.text) : '',
      links: uniqueLinks(links),
      labels,
      summary: fields.find((field) => field.field.kind === 'summary' && field.field.text !== '')?.field.text,
      fields: fields.map((field) => field.field),
      section,
      position: item.position,
      titlePosition: first.position,
      numberPosition: undefined
      },
      at
    )
  }
}

/** Sub-bullets at any depth: an indent that differs from line to line nests them, but they are still facts. */
function flatten(items: ListItem[]): ListItem[] {
  return items.flatMap((item) => [item, ...item.children.flatMap((child) => (child.type === 'list' ? flatten(child.children) : []))])
}

function readTitle(paragraph: Paragraph): {title: string; number: number | undefined; links: Link[]} {
  const tokens = tokenize(paragraph.children)
  const breakAt = tokens.findIndex((token) => token.type === 'break')
  const line = (breakAt === -1 ? tokens : tokens.slice(0, breakAt)).filter((token) => token.type !== 'badge' && token.type !== 'image')
  // `[Title](https://arxiv.org/…)`: a title that is a link; else the words before the first link.
  const head = line[0]
  const firstLink = line.findIndex((token) => token.type === 'link')
  let text = head?.type === 'link' && !isGenericLabel(head.text) ? head.text : textOf(firstLink === -1 ? line : line.slice(0, firstLink))
  const number = /^\[\s*(\d+)\s*\]\s*/.exec(text)
  if (number) text = text.slice(number[0].length)
  text = text.replace(/^(title|paper)\s*[:：]\s*/i, '')
  const links = tokens.flatMap((token): Link[] => {
    if (token.type !== 'link' || token.href === '') return []
    const label = token === head && !isGenericLabel(token.text) ? 'Paper' : token.text.replace(/[[\]]/g, '').trim() || 'Link'
    return [{label, href: token.href, position: token.node.position}]
  })
  return {title: cleanTitle(text), number: number ? Number(number[1]) : undefined, links}
}

interface Field {
  field: RawField
  links: Link[]
  labels: string[]
}

function readField(paragraph: Paragraph): Field {
  const {key: keyText, value: valueTokens} = splitKey(tokenize(paragraph.children))
  const rule = keys.find(([, pattern]) => pattern.test(keyText))
  const text = textOf(valueTokens.filter((token) => token.type !== 'link' || token.text !== token.href))
  const links = linksOf(valueTokens, rule?.[2], paragraph.position)
  const kind: RawFieldKind = rule?.[0] ?? (keyText === '' && links.length > 0 ? 'links' : 'extra')
  return {
    field: {kind, key: keyText, text: kind === 'labels' ? labelText(valueTokens) : text, trailingComma: undefined, position: paragraph.position},
    // A link in a summary is about another paper; a badge among labels is a label.
    links: kind === 'summary' || kind === 'labels' || kind === 'extra' ? [] : links,
    labels: kind === 'labels' ? splitLabels(labelText(valueTokens)) : []
  }
}

/** The key at the start of a sub-bullet, which may be bold (`**Pub**: …`), and the tokens after its colon. */
function splitKey(tokens: Token[]): {key: string; value: Token[]} {
  let leading = ''
  let count = 0
  while (count < tokens.length && tokens[count]!.type === 'text') leading += (tokens[count++] as Extract<Token, {type: 'text'}>).value
  // `https://…` opens with a word and a colon too, and is no key.
  const key = /^\s*https?:\/\//i.test(leading) ? null : keyPattern.exec(leading)
  if (!key) return {key: '', value: tokens}
  const rest = leading.slice(key[0].length)
  return {key: key[1]!.trim(), value: [...(rest === '' ? [] : [{type: 'text' as const, value: rest, group: undefined}]), ...tokens.slice(count)]}
}

/** Links and bare URLs, named by their key when their text is only the URL: `Link: https://…` is the Paper. */
function linksOf(tokens: Token[], named: string | undefined, place: Paragraph['position']): Link[] {
  const links: Link[] = []
  for (const token of tokens) {
    if (token.type === 'link' && token.href !== '') {
      const label = token.text === token.href || token.text === '' || isGenericLabel(token.text) ? named ?? token.text.replace(/[[\]]/g, '').trim() : token.text
      links.push({label: label || 'Link', href: token.href, position: token.node.position})
    }
    // A bare URL is text, with no node of its own: its diagnostics point at the field that holds it.
    if (token.type === 'text') for (const href of bareUrls(token.value)) links.push({label: named ?? 'Link', href, position: place})
  }
  return links
}

/** Labels written as words, or as badges whose text is the label. */
function labelText(tokens: Token[]): string {
  const badges = tokens.flatMap((token) => (token.type === 'badge' && badgeWords(token.badge) !== '' ? [badgeWords(token.badge)] : []))
  const words = textOf(tokens.filter((token) => token.type === 'text'))
  return [...badges, words].filter((part) => part !== '').join(', ')
}

function cleanVenue(text: string): string {
  return text.replace(/https?:\/\/\S+/g, '').replace(/\s+/g, ' ').replace(/^[\s,;:|-]+|[\s,;:|-]+$/g, '').trim()
}
