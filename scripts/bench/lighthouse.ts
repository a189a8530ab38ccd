import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import {join} from 'node:path'
import {chromiumPath} from '../shared/chromium.ts'
import {projectRoot} from '../../src/util/project-root.ts'

const run = promisify(execFile)
const bin = join(projectRoot, 'node_modules', '.bin', 'lighthouse')
export const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type Scores = Record<(typeof categories)[number], number>

/** Lighthouse 12's default run (a throttled phone) against Debian's chromium; scores 0–100. */
export async function lighthouse(url: string): Promise<Scores> {
  const {stdout} = await run(
    bin,
    [url, `--chrome-path=${chromiumPath}`, '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage', `--only-categories=${categories.join(',')}`, '--output=json', '--output-path=stdout', '--quiet'],
    {maxBuffer: 64 * 1024 * 1024}
  )
  const report = JSON.parse(stdout) as {categories: Record<string, {score: number | null}>}
  return Object.fromEntries(categories.map((key) => [key, Math.round((report.categories[key]?.score ?? 0) * 100)])) as Scores
}
