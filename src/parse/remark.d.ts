import type {Processor} from 'unified'
import type {Root} from 'mdast'

/** The one markdown parser of the project: CommonMark plus GFM. Frozen, so it is configured once. */
export declare const processor: Processor<Root>
