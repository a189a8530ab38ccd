import {toString} from 'mdast-util-to-string'
import type {Link as LinkNode, PhrasingContent} from 'mdast'
import {readBadge, type Badge} from './badge.ts'

/**
 * A line of markdown as the one-line and table forms read it: words, links, badges and the HTML tags
 * that separate a title from its venue (`<br>`, `<ins>`), with emphasis kept as a group number so that
 * `**Title** (…)` can take the bold run as the title.
 */
export type Token =
  | {type: 'text'; value: string; group: number | undefined}
  | {type: 'link'; text: string; href: string; node: LinkNode; group: number | undefined}
  | {type: 'badge'; badge: Badge; href: string | undefined}
  | {type: 'image'; href: string | undefined}
  | {type: 'tag'; name: string; closing: boolean}
  | {type: 'break'}

/** Flattens phrasing content into tokens. */
export function tokenize(nodes: readonly PhrasingContent[]): Token[] {
  const tokens: Token[] = []
  let groups = 0
  const visit = (node: PhrasingContent, group: number | undefined): void => {
    switch (node.type) {
      case 'text': {
        // A line ending inside the paragraph separates like `<br>`: `Title` / `EMNLP 2023 [Paper](…)`.
        const lines = node.value.split(/\r\n|\r|\n/)
        lines.forEach((line, n) => {
          if (n > 0) tokens.push({type: 'break'})
          pushText(tokens, line, group)
        })
        return
      }
      case 'inlineCode':
        pushText(tokens, node.value, group)
        return
      case 'break':
        tokens.push({type: 'break'})
        return
      case 'image':
        tokens.push(imageToken(node.url, undefined))
        return
      case 'html':
        tokens.push(...htmlTokens(node.value))
        return
      case 'link': {
        const images = node.children.filter((child) => child.type === 'image')
        const words = toString(node.children.filter((child) => child.type !== 'image'), {includeHtml: false}).replace(/\s+/g, ' ').trim()
        const badge = readBadge(node.url)
        // `[![Star](…/github/stars/…)](https://github.com/…)`: a badge that links somewhere.
        if (words === '' && images.length > 0) for (const image of images) tokens.push(imageToken(image.url, node.url))
        // An autolinked badge URL, as `<img src=https://img.shields.io/badge/…>` without quotes parses.
        else if (badge && (words === node.url || words === '')) tokens.push({type: 'badge', badge, href: undefined})
        else tokens.push({type: 'link', text: words, href: node.url, node, group})
        return
      }
      case 'strong':
      case 'emphasis':
      case 'delete': {
        const own = group ?? ++groups
        for (const child of node.children) visit(child, own)
        return
      }
      default:
        if ('children' in node) for (const child of node.children as PhrasingContent[]) visit(child, group)
    }
  }
  for (const node of nodes) visit(node, undefined)
  return tokens
}

function pushText(tokens: Token[], value: string, group: number | undefined): void {
  let text = value
  // What is left of `<img src=…>` when the parser took the URL for a link: `<img src=` before it, `>` after.
  if (tokens[tokens.length - 1]?.type === 'badge') text = text.replace(/^\s*\/?>/, '')
  text = text.replace(/<img\b[^>]*$/i, '')
  if (text !== '') tokens.push({type: 'text', value: text, group})
}

function imageToken(src: string, href: string | undefined): Token {
  const badge = readBadge(src)
  return badge ? {type: 'badge', badge, href} : {type: 'image', href}
}

const tag = /<\s*(\/?)\s*([a-z][a-z0-9]*)\b[^>]*>/gi

/** Inline HTML: `<br>` is a line break, `<img src=…>` an image or a badge, other tags separate words. */
function htmlTokens(html: string): Token[] {
  if (/^\s*<!--/.test(html)) return []
  const tokens: Token[] = []
  for (const match of html.matchAll(tag)) {
    const name = match[2]!.toLowerCase()
    if (name === 'br') tokens.push({type: 'break'})
    else if (name === 'img') tokens.push(imageToken(/\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(match[0])?.[1] ?? '', undefined))
    else tokens.push({type: 'tag', name, closing: match[1] === '/'})
  }
  return tokens
}

/** The words of some tokens: text and link text, tags and badges left out, breaks as spaces. */
export function textOf(tokens: readonly Token[]): string {
  return tokens
    .map((token) => (token.type === 'text' ? token.value : token.type === 'link' ? token.text : token.type === 'break' || token.type === 'tag' ? ' ' : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Splits tokens at line breaks (`<br>`, a hard break). */
export function splitAtBreaks(tokens: readonly Token[]): Token[][] {
  const lines: Token[][] = [[]]
  for (const token of tokens) {
    if (token.type === 'break') lines.push([])
    else lines[lines.length - 1]!.push(token)
  }
  return lines
}
