import {DOMParser, type Element} from '@xmldom/xmldom'
import {validateXML} from 'xmllint-wasm'
import {readFileSync} from 'node:fs'

const atom = 'http://www.w3.org/2005/Atom'

/**
 * Parses XML strictly: any error or warning throws, but xmldom's warning that U+FFFD may come from a
 * decoding error: in a feed it is text (markdown reads NUL as U+FFFD).
 */
export function parseXml(text: string) {
  return new DOMParser({
    onError: (level, message) => {
      if (!(level === 'warning' && /replacement character/.test(message))) throw new Error(`${level}: ${message}`)
    }
  }).parseFromString(text, 'text/xml')
}

/** libxml2's verdict on a document against an XML Schema file; [] when it is valid. */
export async function schemaErrors(xml: string, schemaFile: URL): Promise<string[]> {
  const result = await validateXML({xml: [{fileName: 'document.xml', contents: xml}], schema: [{fileName: 'schema.xsd', contents: readFileSync(schemaFile, 'utf8')}]})
  return result.errors.map((error) => error.rawMessage)
}

/** RFC 3339's date-time: full date, time, and an offset or Z. */
export const rfc3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i

/**
 * What RFC 4287 requires of a feed that this one breaks (§4.1.1, §4.1.2, §3.3, §4.2.6): one id, title
 * and updated on the feed and on each entry; ids that are absolute IRIs, unique across entries; dates
 * in RFC 3339; an author on the feed or on every entry; an alternate link or content on each entry;
 * no two alternate links of the same type.
 */
export function atomProblems(text: string): string[] {
  const problems: string[] = []
  const feed = parseXml(text).documentElement
  if (!feed || feed.namespaceURI !== atom || feed.localName !== 'feed') return ['the root is not atom:feed']
  const children = (parent: Element, name: string) => {
    const found: Element[] = []
    for (let node = parent.firstChild; node; node = node.nextSibling) if (node.nodeType === 1 && (node as Element).namespaceURI === atom && (node as Element).localName === name) found.push(node as Element)
    return found
  }
  const exactlyOne = (parent: Element, name: string, where: string) => {
    const found = children(parent, name)
    if (found.length !== 1) problems.push(`${where} has ${found.length} atom:${name}, not exactly one`)
    return found[0]?.textContent?.trim() ?? ''
  }
  const isIri = (value: string) => {
    try {
      return new URL(value).protocol.length > 1
    } catch {
      return false
    }
  }
  const check = (parent: Element, where: string) => {
    const id = exactlyOne(parent, 'id', where)
    if (!isIri(id)) problems.push(`${where}: id ${JSON.stringify(id)} is not an absolute IRI`)
    exactlyOne(parent, 'title', where)
    const updated = exactlyOne(parent, 'updated', where)
    if (!rfc3339.test(updated) || Number.isNaN(Date.parse(updated))) problems.push(`${where}: updated ${JSON.stringify(updated)} is not an RFC 3339 date-time`)
    for (const published of children(parent, 'published')) if (!rfc3339.test(published.textContent ?? '')) problems.push(`${where}: published is not RFC 3339`)
    const alternates = children(parent, 'link').filter((link) => (link.getAttribute('rel') || 'alternate') === 'alternate')
    const types = alternates.map((link) => `${link.getAttribute('type')} ${link.getAttribute('hreflang')}`)
    if (new Set(types).size !== types.length) problems.push(`${where}: two alternate links of the same type`)
    for (const link of children(parent, 'link')) if (!link.getAttribute('href')) problems.push(`${where}: a link without href`)
    for (const author of children(parent, 'author')) if (children(author, 'name').length !== 1) problems.push(`${where}: an author without exactly one name`)
    return {id, updated, alternates: alternates.length}
  }
  check(feed, 'the feed')
  const feedAuthor = children(feed, 'author').length > 0
  const ids = new Set<string>()
  children(feed, 'entry').forEach((entry, n) => {
    const where = `entry ${n + 1}`
    const {id, alternates} = check(entry, where)
    if (ids.has(id)) problems.push(`${where}: id ${id} is used twice`)
    ids.add(id)
    if (!feedAuthor && children(entry, 'author').length === 0) problems.push(`${where}: no author, and the feed has none`)
    if (alternates === 0 && children(entry, 'content').length === 0) problems.push(`${where}: neither content nor an alternate link`)
  })
  return problems
}
