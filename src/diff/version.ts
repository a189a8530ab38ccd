import {VFile} from 'vfile'
import {analyze, analyzeWithHistory, withoutByteOrderMark} from '../analyze.ts'
import {link} from '../graph/link.ts'
import type {Graph, RawList} from '../types.ts'
import {emptyReading} from '../extract/reading.ts'
import {EntryMemo} from '../extract/entry-memo.ts'
import {sharedCache} from '../parse/cache.ts'

/** One version of the README, analyzed as `npm run check` analyzes it: its findings are on `file`. */
export interface Version {
  file: VFile
  raw: RawList
  graph: Graph
  /** The README's lines, for what a finding on a line outside any entry is about. */
  lines: string[]
}

/**
 * The entries both versions share: the head's pieces that the base parsed come from the process's parse
 * cache, renumbered where only their numbers moved (parse/renumbered.ts), and their entries, read for the
 * base, from here (entry-memo.ts), as a dev server's save reads only what changed.
 */
const entries = new EntryMemo()

/** Parses, extracts, links and validates one version. A README that cannot be parsed at all is an empty list with its one finding. */
export function analyzeVersion(path: string, text: string): Version {
  const file = new VFile({path, value: withoutByteOrderMark(text)})
  return versionOf(file, analyze(file, {memo: entries}))
}

/**
 * One committed version, analyzed as `npm run check` analyzes the working tree: stale table references
 * resolved through the history of `readme` up to `commit`. So the base of `check --since` is read like the head.
 */
export async function analyzeVersionAt(path: string, text: string, readme: string, commit: string): Promise<Version> {
  const file = new VFile({path, value: withoutByteOrderMark(text)})
  return versionOf(file, await analyzeWithHistory(file, readme, {at: commit, cache: sharedCache, memo: entries}))
}

/** A version from a README already analyzed, as the check has it. */
export function versionOf(file: VFile, result: ReturnType<typeof analyze>): Version {
  return {file, ...(result ?? {raw: emptyList(), graph: link(emptyList())}), lines: String(file.value).split(/\r?\n|\r/)}
}

function emptyList(): RawList {
  return {title: '', intro: [], sections: [], papers: [], tables: [], tools: [], contents: [], prose: [], reading: emptyReading()}
}
