import type {Nodes} from 'mdast'
import {preorder} from '../parse/walk.ts'

/**
 * Where papers live: preprint servers, proceedings, digital libraries and DOIs. A link to one of these
 * (or to any `.pdf`) is what makes a list item or a table row a paper entry, whatever else it looks like.
 */
const paperUrls: readonly RegExp[] = [
  /^(www\.|export\.)?arxiv\.org\/(abs|pdf|html)\//i,
  /^(www\.)?openreview\.net\/(forum|pdf|attachment)\b/i,
  /^(www\.)?aclanthology\.org\/./i,
  /^(www\.)?aclweb\.org\/anthology\/./i,
  /^proceedings\.mlr\.press\/./i,
  /^(proceedings\.neurips\.cc|papers\.nips\.cc|papers\.neurips\.cc)\/./i,
  /^(nips|neurips)\.cc\/(paper|virtual)\//i,
  /^openaccess\.thecvf\.com\/./i,
  /^(www\.)?ecva\.net\/papers\//i,
  /^(ojs\.aaai\.org|(www\.)?aaai\.org\/(ojs|papers))\b/i,
  /^(www\.)?ijcai\.org\/proceedings\//i,
  /^dl\.acm\.org\/doi\//i,
  /^ieeexplore\.ieee\.org\/(document|abstract|stamp)\b/i,
  /^(dx\.)?doi\.org\/10\./i,
  /^(www\.|api\.)?semanticscholar\.org\/(paper|arxiv)\//i,
  /^huggingface\.co\/papers\//i,
  /^(www\.)?jmlr\.org\/papers\//i,
  /^link\.springer\.com\/(article|chapter)\//i
]

/** Does this URL point at a paper? */
export function isPaperUrl(href: string): boolean {
  // Host and path, without the query: `openreview.net/forum` of `openreview.net/forum?id=…`.
  const place = /^https?:\/\/([^\s?#]+)/i.exec(href.trim())?.[1]
  if (place === undefined) return false
  return /\.pdf\/?$/i.test(place) || paperUrls.some((pattern) => pattern.test(place))
}

/** A bare URL in text: `Link:https://arxiv.org/pdf/2301.00774.pdf` is not always made a link by the parser. */
const bareUrl = /https?:\/\/[^\s<>"'`)\]]+[^\s<>"'`)\].,;:!?]/g

/** The URLs written as bare text. */
export function bareUrls(text: string): string[] {
  return text.match(bareUrl) ?? []
}

/** `<a href="…">` and `<img src="…">` in raw HTML. */
const htmlUrl = /\b(?:href|src)\s*=\s*["']?([^"'\s>]+)/gi

/** Every URL in a markdown subtree: links, raw HTML attributes and bare URLs in text. */
export function urlsIn(node: Nodes): string[] {
  const urls: string[] = []
  preorder(node, (current) => {
    if (current.type === 'link') urls.push(current.url)
    else if (current.type === 'html') for (const match of current.value.matchAll(htmlUrl)) urls.push(match[1]!)
    else if (current.type === 'text') urls.push(...bareUrls(current.value))
  })
  return urls
}

/** The first URL to a paper in a markdown subtree, if any. */
export function paperUrlIn(node: Nodes): string | undefined {
  return urlsIn(node).find(isPaperUrl)
}
