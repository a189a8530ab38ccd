import {describe, expect, it} from 'vitest'
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {VFile} from 'vfile'
import {analyzeTree} from '../src/build.ts'
import {parseSplitParallel} from '../src/parse/split.ts'
import {createRenderer} from '../src/render/index.ts'
import {scriptSources} from '../src/client/entries.ts'
import {syntheticReadme} from '../scripts/bench/readme.ts'
import {completed, seedPath} from './helpers/seed.ts'
import {sharedSite} from './helpers/shared-sites.ts'

/** The byte budgets of issue 6. Bytes do not drift with the machine's load, so they are tested; times are benchmarked (npm run bench). */
const site = sharedSite('seed-root')

const gzipped = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0)
const assets = (extension: string) => readdirSync(join(site, 'assets')).filter((name) => name.endsWith(extension)).map((name) => join(site, 'assets', name))

describe('byte budgets', () => {
  // JavaScript ≤ 5 KB gzipped in all is held by test/researcher.test.ts.
  it('ships at most 8 KB of CSS, gzipped', () => {
    expect(assets('.css').length).toBeGreaterThan(0)
    expect(gzipped(assets('.css'))).toBeLessThanOrEqual(8 * 1024)
  })

  it('keeps the home page of a 10,000-paper list under 1 MB gzipped, with every paper on it', async () => {
    const value = syntheticReadme({papers: 10000, form: 'flat'})
    const file = new VFile({path: 'README.md', value})
    const {graph} = analyzeTree(file, await parseSplitParallel(file))
    expect(graph.papers).toHaveLength(10000)
    const renderer = createRenderer(completed(graph), {base: '/', siteUrl: undefined, sourceHref: undefined, assets: {css: 'assets/style.css', scripts: scriptSources}})
    const html = renderer.render(renderer.routes.find((route) => route.page === '')!)
    // The flat form gives the heavier home page of the two (see docs/BENCHMARKS.md). Without JavaScript the whole list is there: one row, and one link, per paper.
    expect(html.match(/<a class="paper-title" href="\/papers\//g)).toHaveLength(10000)
    expect(gzipSync(html).length).toBeLessThanOrEqual(1024 * 1024)
  })
})
