import {afterAll, expect, it} from 'vitest'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {build} from '../src/build.ts'
import {createDevSite} from '../src/dev/state.ts'
import {bundleClient, scriptSources, type ScriptName} from '../src/write/client.ts'
import {pages} from './helpers/links.ts'
import {seedPath, seedSource} from './helpers/seed.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-dev-site-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

it('serves, page for page, what a full build writes (but for the asset paths)', async () => {
  const out = join(tmp, 'dist')
  // The dev server does not read the git history (see src/dev/state.ts); nor does this build.
  await build({input: seedPath, out, base: '/', history: false})
  const {assets} = await bundleClient('/')
  const dev = createDevSite({input: seedPath})
  // The seed has warnings (issue 3's diagnostics) but no error.
  expect(dev.refresh()[0]?.messages.filter((m) => m.fatal)).toEqual([])
  const built = pages(out, '/')
  expect(built.length).toBeGreaterThan(40)
  for (const page of built) {
    const served = dev.page(page.path)?.body
    let expected = served?.replace('/src/client/style.css', `/${assets.css}`)
    for (const [name, source] of Object.entries(scriptSources)) expected = expected?.replace(`/${source}`, `/${assets.scripts[name as ScriptName]}`)
    expect(expected, page.path).toBe(page.html)
  }
  expect(dev.page('/graph.json')?.body).toBe(readFileSync(join(out, 'graph.json'), 'utf8'))
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
