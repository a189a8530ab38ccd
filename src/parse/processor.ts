import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {parseSplit} from './split.ts'

/** The one markdown parser of the project, configured in `remark.js` so worker threads can load it too. */
export {processor} from './remark.js'

/** The README as one mdast tree, parsed piece by piece (see `split.ts`); equal to the whole-file parse. */
export function parse(file: VFile): Root {
  return parseSplit(file)
}
