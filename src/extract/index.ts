import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {locator} from './place.ts'
import {outline} from './outline.ts'
import {SectionReader, holdsEntries, type ReadOptions} from './read-section.ts'
import {emptyReading} from './reading.ts'
import {localizeLines} from './inputs.ts'
import {cleanTree} from './clean-tree.ts'
import {mayHoldUnwanted} from '../util/clean-text.ts'
import type {RawList, RawReading} from '../types.ts'

export type {ReadOptions} from './read-section.ts'

declare module 'vfile' {
  interface DataMap {
    /** What the reading stage made of the README: the form of each section, and the coverage. */
    reading: RawReading
  }
}

/**
 * Reads the README's tree into raw entries: the headings into sections, and each section's blocks by what
 * they hold. Whatever no reader claims is kept as prose, and every place that links to a paper but was
 * not read is counted in `reading`, so nothing in the README is dropped silently.
 */
export function extract(tree: Root, file: VFile, options: ReadOptions = {}): RawList {
  // Text enters the graph here: what no output may carry goes first.
  if (mayHoldUnwanted(String(file.value ?? ''))) cleanTree(tree)
  const list: RawList = {title: '', intro: [], sections: [], papers: [], tables: [], tools: [], contents: [], prose: [], reading: emptyReading()}
  const blocks = outline(localizeLines(tree, file.data.parts), list)
  // A list read from several files counts lines per file: its entries are read afresh, never kept (entry-memo.ts).
  const reader = new SectionReader(list, locator(file), {...options, memo: file.data.parts ? undefined : options.memo})
  for (const block of blocks) if (block.section) reader.read(block.section, block.nodes)
  // What precedes the first heading is the list's description, unless no section holds the papers:
  // then the lists and tables of papers there are the list itself.
  const beforeTitle = blocks.flatMap((block) => (block.section ? [] : block.nodes))
  const loose = list.papers.length === 0 ? [...beforeTitle, ...list.intro].filter(holdsEntries) : []
  if (loose.length > 0) {
    list.intro = list.intro.filter((node) => !loose.includes(node))
    reader.readLoose(loose)
  }
  const before = list.prose.length
  for (const node of beforeTitle) if (!loose.includes(node)) reader.prose(undefined, node)
  // Prose from before the title comes first, as it does in the README.
  list.prose.unshift(...list.prose.splice(before))
  file.data.reading = list.reading
  return list
}
