import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {projectRoot} from '../../src/util/project-root.ts'

/**
 * The figures the quality tests measured, kept in `test-results/quality.json` (one entry per area)
 * so `npm run quality` can write docs/QUALITY.md from the last real run.
 */
export const qualityFile = join(projectRoot, 'test-results', 'quality.json')

export type Figures = Record<string, number | string>

export interface QualityEntry {
  figures: Figures
  /** ISO time the figures were recorded. */
  at: string
  /** What produced them: `npm test` or `npm run fuzz`. */
  by: string
}

export function readQuality(file = qualityFile): Record<string, QualityEntry> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, QualityEntry>
  } catch {
    return {}
  }
}

/** Records one area's figures, keeping the other areas' (test files run one at a time). */
export function recordQuality(area: string, figures: Figures, by = process.env['QUALITY_BY'] ?? 'npm test'): void {
  const all = readQuality()
  all[area] = {figures, at: new Date().toISOString(), by}
  mkdirSync(dirname(qualityFile), {recursive: true})
  const temp = `${qualityFile}.${process.pid}.tmp`
  writeFileSync(temp, `${JSON.stringify(all, null, 2)}\n`)
  renameSync(temp, qualityFile)
}
