import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'

/** The one markdown parser of the project: CommonMark plus GFM tables. Frozen, so it is configured once. */
export const processor = unified().use(remarkParse).use(remarkGfm).freeze()

export function parse(file: VFile): Root {
  return processor.parse(file)
}
