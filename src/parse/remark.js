// Plain JavaScript so that worker threads load it without a TypeScript loader.
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'

/** The one markdown parser of the project: CommonMark plus GFM. Frozen, so it is configured once. */
export const processor = unified().use(remarkParse).use(remarkGfm).freeze()
