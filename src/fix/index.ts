import {readFile, writeFile} from 'node:fs/promises'
import {VFile} from 'vfile'
import {analyzeWithHistory, read} from '../analyze.ts'
import {applyEdits, inOrder, type Edit} from './edits.ts'
import {unifiedDiff} from './diff.ts'
import {planFixes} from './plan.ts'

export interface FixResult {
  /** The README as the fixes leave it, with the messages that are left for a person. */
  file: VFile
  /** What was (or, in a dry run, would be) changed, in the order of the text. */
  edits: Edit[]
  /** The changes as a unified diff; empty when there are none. */
  diff: string
  written: boolean
}

/**
 * `npm run fix`: reads the README (with its history, as the build does), makes every fix the rules can
 * make without guessing, and writes it back unless `dryRun`. Everything the edits do not touch stays byte
 * for byte, a byte order mark included. The fixed text is checked again for what is left.
 */
export async function fixReadme(input: string, {dryRun = false} = {}): Promise<FixResult> {
  const file = await read(input)
  const before = String(file.value)
  const analysis = await analyzeWithHistory(file, input)
  const edits = analysis ? inOrder(planFixes(before, analysis)) : []
  if (edits.length === 0) return {file, edits, diff: '', written: false}

  const after = applyEdits(before, edits)
  const fixed = new VFile({path: file.path, value: after})
  await analyzeWithHistory(fixed, input)
  if (!dryRun) {
    const mark = (await readFile(input, 'utf8')).charCodeAt(0) === 0xfeff ? '\ufeff' : ''
    await writeFile(input, mark + after)
  }
  return {file: fixed, edits, diff: unifiedDiff(String(file.path), before, edits), written: !dryRun}
}
