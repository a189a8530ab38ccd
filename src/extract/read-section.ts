import {toString} from 'mdast-util-to-string'
import type {List, ListItem, RootContent, Table, TableRow} from 'mdast'
import type {Locator} from './place.ts'
import {holdsNoPapers} from './section.ts'
import {isPaperEntry} from './paper-entry.ts'
import {isReferenceTable, readTable} from './table.ts'
import {readTools} from './tools.ts'
import {readContents} from './contents.ts'
import {paperUrlIn} from './paper-link.ts'
import {chooseItemAdapter} from './detect.ts'
import {paperLines} from './reading.ts'
import {isCleanTitle} from './adapters/title.ts'
import {adapters, itemAdapters, rowAdapters, type Adapter, type ItemAdapter} from './adapters/index.ts'
import {brokenRow} from './adapters/table.ts'
import type {EntryMemo} from './entry-memo.ts'
import type {Id, RawForm, RawList, RawPaper, RawSection, RawUnread} from '../types.ts'

export interface ReadOptions {
  /** The form every section's entries are read in (`--form`), instead of the one detection finds. */
  form?: string | undefined
  /** Entries read on earlier saves, kept by a process that reads the README again on each (the dev server). */
  memo?: EntryMemo | undefined
}

/** Reads the blocks of the README into the raw list, section by section, keeping what no reader claims as prose. */
export class SectionReader {
  readonly #list: RawList
  readonly #at: Locator
  /** With `--form`: the one form every entry is read in; entries of the other kind (items or rows) are not read. */
  readonly #forced: Adapter | undefined
  readonly #sections: Map<string, RawSection>
  readonly #memo: EntryMemo | undefined

  constructor(list: RawList, at: Locator, options: ReadOptions = {}) {
    this.#list = list
    this.#at = at
    this.#memo = options.memo
    this.#forced = options.form === undefined ? undefined : adapters.find((adapter) => adapter.name === options.form)
    if (options.form !== undefined && !this.#forced) {
      throw new Error(`unknown form "${options.form}": use one of ${adapters.map((adapter) => adapter.name).join(', ')}`)
    }
    this.#sections = new Map(list.sections.map((section) => [section.id, section]))
  }

  /** Reads the blocks under one heading (or, without a section, the blocks before the title, as prose). */
  read(section: RawSection | undefined, nodes: RootContent[]): void {
    if (!section) {
      for (const node of nodes) this.prose(undefined, node)
      return
    }
    // A blockquote right under a heading describes its section; it stays in the prose as well.
    const first = nodes[0]
    if (first?.type === 'blockquote') section.description = toString(first).replace(/\s+/g, ' ').trim() || undefined
    if (section.kind === 'contents') {
      for (const node of nodes) {
        if (node.type === 'list') this.#list.contents.push(...readContents(node))
        else this.prose(section.id, node)
      }
    } else if (section.kind === 'tools') {
      for (const node of nodes) {
        const tools = readTools(node)
        if (tools.length > 0) this.#list.tools.push(...tools)
        else this.prose(section.id, node)
      }
    } else if (this.#aboutTheList(section)) {
      for (const node of nodes) this.prose(section.id, node)
    } else {
      this.#entries(section, nodes)
    }
  }

  /**
   * Reads a section's entries: list items and table rows that link to a paper (or, under a Papers heading,
   * open with `[N]`), in the form that fits them best; tables that cite papers by number; the rest is prose.
   */
  #entries(section: RawSection, nodes: RootContent[]): void {
    const list = this.#list
    // Under a Papers heading, or in a section whose entries link to papers, `[N] Title` is an entry even without a link.
    const papersHere = section.kind === 'papers' || nodes.some(holdsEntries)
    const candidate = (item: ListItem) => (papersHere && isPaperEntry(item)) || linksToPaper(item)
    const items = nodes.flatMap((node) => (node.type === 'list' ? node.children.filter(candidate) : []))
    const forced = this.#forced
    const chosen = forced ? (forced.reads === 'items' ? forced : undefined) : items.length > 0 ? chooseItemAdapter(items, section.id, this.#at, this.#memo) : undefined
    const forms = new Forms(section.id, this.#path(section))
    const before = list.papers.length
    let citing = false

    for (const node of nodes) {
      if (node.type === 'list') {
        const others: List = {...node, children: []}
        for (const item of node.children) {
          if (!candidate(item)) {
            others.children.push(item)
            continue
          }
          const found = chosen ? this.#readItem(item, section, chosen) : undefined
          if (found) {
            list.papers.push(found.paper)
            forms.add(found.adapter.name, found.adapter.description)
          } else {
            others.children.push(item)
          }
          if (!linksToPaper(item)) continue
          const reason = chosen ? 'no clean title could be read from it' : `--form ${forced!.name} reads no list item`
          this.#tally(found ? undefined : {kind: 'item', text: firstLine(item), reason, position: item.children[0]?.position ?? item.position})
        }
        if (others.children.length > 0) this.prose(section.id, others)
      } else if (node.type === 'table') {
        if (this.#cites(section, node)) {
          list.tables.push(readTable(node, section, this.#at))
          citing = true
        } else if (!this.#paperTable(section, node, forms)) {
          this.prose(section.id, node)
        }
      } else {
        if (node.type === 'paragraph' || node.type === 'html') for (const line of paperLines(node, this.#at)) this.#tally(line)
        this.prose(section.id, node)
      }
    }

    list.reading.forms.push(...forms.all)
    // Papers under `## Pruning` or `## LLM Architecture Design`: the section holds papers, whatever its heading says.
    if (list.papers.length > before && !citing && section.kind !== 'papers') {
      section.kind = 'papers'
      section.role = undefined
      section.fromContent = true
    }
  }

  /** Counts a place that links to a paper: read as one (no argument), or not, and why. */
  #tally(unread?: RawUnread): void {
    const reading = this.#list.reading
    reading.links++
    if (unread) reading.unread.push(unread)
    else reading.read++
  }

  /**
   * An entry in the section's form, or in another that reads it better. A reading counts only with a clean
   * title: a title with brackets or HTML in it is a misreading, reported rather than shown. `[N]` entries
   * always count, so that the rules can say what is missing from them; with --form, only that form reads.
   */
  #readItem(item: ListItem, section: RawSection, chosen: ItemAdapter): {paper: RawPaper; adapter: ItemAdapter} | undefined {
    const numbered = isPaperEntry(item)
    for (const adapter of this.#forced ? [chosen] : [chosen, ...itemAdapters.filter((other) => other !== chosen)]) {
      const paper = this.#memo ? this.#memo.read(adapter, item, section.id, this.#at) : adapter.read(item, section.id, this.#at)
      if (paper && (isCleanTitle(paper.title) || numbered || this.#forced)) return {paper, adapter}
    }
    return undefined
  }

  /**
   * Is this a table that cites papers (`| Name | Paper |` with `[1], [3]`)? Found by its cells; under a
   * Models, Datasets or Fine-tuning heading, a Paper column is enough, so that the rules can report
   * references written wrong. A table whose rows link to papers is a table of papers instead.
   */
  #cites(section: RawSection, table: Table): boolean {
    if (isReferenceTable(table)) return true
    const byHeading = section.kind === 'models' || section.kind === 'datasets' || section.kind === 'methods'
    const header = (table.children[0]?.children ?? []).map((cell) => toString(cell).toLowerCase())
    return byHeading && header.some((text) => /paper|ref|cited/.test(text)) && !table.children.slice(1).some(linksToPaper)
  }

  /** Reads a table whose rows link to papers; false when it is no table of papers. */
  #paperTable(section: RawSection, table: Table, forms: Forms): boolean {
    const rows = table.children.slice(1)
    if (!rows.some(linksToPaper)) return false
    const adapter = this.#forced?.reads === 'items' ? undefined : rowAdapters[0]!
    const columns = adapter?.columns(table)
    for (const row of rows) {
      const reading = adapter && columns ? adapter.read(row, columns, section.id, this.#at) : undefined
      // As for list items: a title with brackets or HTML left in it is a misreading, reported rather than shown.
      const paper = reading && (isCleanTitle(reading.title) || this.#forced) ? reading : undefined
      if (paper) {
        this.#list.papers.push(paper)
        forms.add(adapter!.name, adapter!.describe(columns!))
      }
      if (!linksToPaper(row)) continue
      const reason = !adapter
        ? `--form ${this.#forced!.name} reads no table`
        : !columns
          ? 'the table has no Title, Paper or Name column'
          : brokenRow(row, columns)
            ? 'its No. cell holds words, not a number: is a title above broken over two lines?'
            : reading
              ? 'no clean title could be read from it'
              : 'its title cell is empty'
      this.#tally(paper ? undefined : {kind: 'row', text: firstLine(row), reason, position: row.position})
    }
    return true
  }

  /**
   * A list with no section of papers (no headings at all, or papers only above the first one) is one
   * section of papers: its lists and tables of paper links are read under a section called Papers.
   */
  readLoose(nodes: RootContent[]): void {
    const ids = new Set(this.#list.sections.map((section) => section.id))
    let id = 'papers'
    for (let n = 2; ids.has(id); n++) id = `papers-${n}`
    const section: RawSection = {id, title: 'Papers', depth: 2, kind: 'papers', role: undefined, parent: undefined, description: undefined, position: undefined, anchor: undefined, fromContent: true}
    this.#list.sections.unshift(section)
    this.#sections.set(id, section)
    this.#entries(section, nodes)
  }

  #aboutTheList(section: RawSection): boolean {
    for (let current: RawSection | undefined = section; current; current = current.parent ? this.#sections.get(current.parent) : undefined) {
      if (current.kind === 'contents' || holdsNoPapers(current.title)) return true
    }
    return false
  }

  /** `Papers › Pruning`: the section's headings, outermost first. */
  #path(section: RawSection): string {
    const titles: string[] = []
    for (let current: RawSection | undefined = section; current; current = current.parent ? this.#sections.get(current.parent) : undefined) titles.unshift(current.title || 'Untitled section')
    return titles.join(' › ')
  }

  /** Keeps a block as prose, joined to the block before it when that is the same section's. */
  prose(section: RawSection['id'] | undefined, node: RootContent): void {
    // Link definitions are resolved by the parser already; raw HTML stays for the sanitizer to judge.
    if (node.type === 'definition') return
    const prose = this.#list.prose
    const last = prose[prose.length - 1]
    if (last && last.section === section) last.nodes.push(node)
    else prose.push({section, nodes: [node]})
  }
}

/** A list with an item that links to a paper, or a table (not one of references) with such a row. */
export function holdsEntries(node: RootContent): boolean {
  if (node.type === 'list') return node.children.some(linksToPaper)
  return node.type === 'table' && !isReferenceTable(node) && node.children.slice(1).some(linksToPaper)
}

/** Whether an item or row links to a paper, found once per node: a section asks it of each entry several times. */
const linking = new WeakMap<ListItem | TableRow, boolean>()
function linksToPaper(node: ListItem | TableRow): boolean {
  let found = linking.get(node)
  if (found === undefined) linking.set(node, (found = paperUrlIn(node) !== undefined))
  return found
}

/** The forms a section's entries were read in, with how many entries each. */
class Forms {
  readonly all: RawForm[] = []
  readonly #section: Id
  readonly #path: string

  constructor(section: Id, path: string) {
    this.#section = section
    this.#path = path
  }

  add(name: string, description: string): void {
    const known = this.all.find((form) => form.description === description)
    if (known) known.entries++
    else this.all.push({section: this.#section, path: this.#path, name, description, entries: 1})
  }
}

function firstLine(node: ListItem | TableRow): string {
  return toString(node).split(/\r?\n/)[0]!.trim().slice(0, 80)
}
