import type {ListDiff} from './types.ts'

/** `--json`: the `ListDiff` object of types.ts, indented, with a final newline. Its shape is pinned by test/diff-json.test.ts. */
export function formatJson(diff: ListDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`
}
