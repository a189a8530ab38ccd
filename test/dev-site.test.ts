import {afterAll, expect, it} from 'vitest'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {build} from '../src/build.ts'
import {createDevSite} from '../src/dev/state.ts'
import {bundleClient} from '../src/write/client.ts'
import {scriptSources, type ScriptName} from '../src/client/entries.ts'
import {pages} from './helpers/links.ts'
import {seedPath, seedSource} from './helpers/seed.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-dev-site-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** Every page a full build of `input` writes, served the same by the dev site (but for the asset paths). */
async function expectSameAsFullBuild(dev: ReturnType<typeof createDevSite>, input: string, out: string): Promise<number> {
  // The dev server does not read the git history (see src/dev/state.ts); nor does this build.
  await build({input, out, base: '/', history: false, allowErrors: true})
  const {assets} = await bundleClient('/')
  const built = pages(out, '/')
  for (const page of built) {
    const served = dev.page(page.path)?.body
    let expected = served?.replace('/src/client/style.css', `/${assets.css}`)
    for (const [name, source] of Object.entries(scriptSources)) expected = expected?.replace(`/${source}`, `/${assets.scripts[name as ScriptName]}`)
    expect(expected, page.path).toBe(page.html)
  }
  expect(dev.page('/graph.json')?.body).toBe(readFileSync(join(out, 'graph.json'), 'utf8'))
  return built.length
}

it('serves, page for page, what a full build writes (but for the asset paths)', async () => {
  const dev = createDevSite({input: seedPath})
  // The seed has warnings (issue 3's diagnostics) but no error.
  expect(dev.refresh()[0]?.messages.filter((m) => m.fatal)).toEqual([])
  expect(await expectSameAsFullBuild(dev, seedPath, join(tmp, 'dist'))).toBeGreaterThan(40)
})

it('after an edit, serves through its cached pieces exactly what a full build of the edited README writes', async () => {
  const {syntheticReadme} = await import('../scripts/bench/readme.ts')
  const input = join(tmp, 'long.md')
  const before = syntheticReadme({papers: 150, form: 'sub-bullets'})
  writeFileSync(input, before)
  const dev = createDevSite({input})
  dev.refresh()
  // Edit one entry's title and one table row: the other pieces come from the cache.
  const title = /^- \[\d+\] (.+)$/m.exec(before)![1]!
  const row = /^\| ([^|\n]+?) +\| \[/m.exec(before.slice(before.indexOf('| Name')))![1]!
  const after = before.replace(title, `${title} (revised)`).replace(`| ${row} `, `| ${row} v2 `)
  expect(after).not.toBe(before)
  writeFileSync(input, after)
  const [file] = dev.refresh()
  expect(String(file?.value)).toContain('(revised)')
  expect(await expectSameAsFullBuild(dev, input, join(tmp, 'long-dist'))).toBeGreaterThan(150)
})

it('keeps the last good site on screen when the README cannot be read into a graph at all', () => {
  const input = join(tmp, 'README.md')
  writeFileSync(input, seedSource)
  const dev = createDevSite({input})
  dev.refresh()
  writeFileSync(input, `${'>'.repeat(200)} too deep\n`)
  const [file] = dev.refresh()
  expect(file?.messages.map((m) => m.ruleId)).toEqual(['nesting-too-deep'])
  expect(dev.page('/')?.body).toContain('Awesome-LLM-Pruning')
})
