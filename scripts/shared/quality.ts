import {mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {projectRoot} from '../../src/util/project-root.ts'

/**
 * The figures the quality tests (and `npm run fuzz`) measured, one file per area in
 * `test-results/quality/`, so `npm run quality` can write docs/QUALITY.md from the last real run.
 * One file per area because the test files run in parallel: a shared file would be rewritten by
 * two of them at once, and one area's figures lost.
 */
export const qualityDir = join(projectRoot, 'test-results', 'quality')
/** Where every area used to share one file: still read, under the newer files, so older figures are not lost. */
const olderFile = join(projectRoot, 'test-results', 'quality.json')

export type Figures = Record<string, number | string>

export interface QualityEntry {
  figures: Figures
  /** ISO time the figures were recorded. */
  at: string
  /** What produced them: `npm test` or `npm run fuzz`. */
  by: string
}

/** Every area's last figures, by area. */
export function readQuality(): Record<string, QualityEntry> {
  const all = readJson<Record<string, QualityEntry>>(olderFile) ?? {}
  let names: string[] = []
  try {
    names = readdirSync(qualityDir).filter((name) => name.endsWith('.json'))
  } catch {
    return all
  }
  for (const name of names) {
    const recorded = readJson<QualityEntry & {area: string}>(join(qualityDir, name))
    if (recorded) all[recorded.area] = {figures: recorded.figures, at: recorded.at, by: recorded.by}
  }
  return all
}

/** Records one area's figures in the area's own file. */
export function recordQuality(area: string, figures: Figures, by = process.env['QUALITY_BY'] ?? 'npm test'): void {
  mkdirSync(qualityDir, {recursive: true})
  const file = join(qualityDir, `${area.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.json`)
  // Written aside and renamed, so `npm run quality` never reads half a file.
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, `${JSON.stringify({area, figures, at: new Date().toISOString(), by}, null, 2)}\n`)
  renameSync(temp, file)
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch {
    return undefined
  }
}
