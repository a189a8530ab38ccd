import {complete} from '../../src/pipeline.ts'
import {noHistory, type CompleteGraph, type Graph} from '../../src/types.ts'

/** `graph` completed as a build without metadata cache or git history completes it: what the renderer takes. */
export function completed(graph: Graph): CompleteGraph {
  return complete(graph, {meta: new Map(), history: noHistory()})
}
