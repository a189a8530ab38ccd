import {afterAll, expect, it} from 'vitest'
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {build} from '../src/build.ts'
import {createDevSite, devContentSecurityPolicy} from '../src/dev/state.ts'
import {contentSecurityPolicy} from '../src/render/index.ts'
import {bundleClient} from '../src/write/client.ts'
import {scriptSources, type ScriptName} from '../src/client/entries.ts'
import {pages} from './helpers/links.ts'
import {seedPath, seedSource} from './helpers/seed.ts'
import {scriptedRepo} from './helpers/git-repo.ts'
import {cli} from '../scripts/shared/cli.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-dev-site-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** As a page holds an attribute's text. */
const attribute = (text: string) => text.replaceAll("'", '&#39;')

/**
 * Every page a full build of `input` writes, served the same by the dev site: but for the asset paths
 * (vite serves the sources) and the Content-Security-Policy (dev allows vite's inline styles).
 */
async function expectSameAsFullBuild(dev: ReturnType<typeof createDevSite>, input: string, out: string): Promise<number> {
  const result = await build({input, out, base: '/', allowErrors: true})
  expect(result.written).toBe(true)
  const {assets} = await bundleClient('/')
  const built = pages(out, '/')
  for (const page of built) {
    const served = dev.page(page.path)?.body
    expect(served, page.path).toContain(attribute(devContentSecurityPolicy))
    let expected = served?.replace('/src/client/style.css', `/${assets.css}`).replace(attribute(devContentSecurityPolicy), attribute(contentSecurityPolicy))
    for (const [name, source] of Object.entries(scriptSources)) expected = expected?.replace(`/${source}`, `/${assets.scripts[name as ScriptName]}`)
    expect(expected, page.path).toBe(page.html)
  }
  expect(dev.page('/graph.json')?.body).toBe(readFileSync(join(out, 'graph.json'), 'utf8'))
  // The same messages, at the same places.
  const said = (files: Array<{messages: Array<{ruleId?: string | undefined; reason: string; line?: number | undefined; column?: number | undefined; fatal?: boolean | null | undefined}>}>) =>
    files.flatMap((file) => file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId} ${m.reason}`))
  expect(said(dev.messages())).toEqual(said(result.files))
  return built.length
}

it('serves, page for page, what a full build writes (but for the asset paths and the policy)', async () => {
  const dev = createDevSite({input: seedPath})
  // The seed has warnings (issue 3's diagnostics) but no error.
  expect((await dev.refresh())[0]?.messages.filter((m) => m.fatal)).toEqual([])
  expect(await expectSameAsFullBuild(dev, seedPath, join(tmp, 'dist'))).toBeGreaterThan(40)
})

it('reads the git history as the build does: the same "added" dates, citation keys, stale references resolved and renames', async () => {
  // Commit 1 lacks LaCo and names a model differently; commit 2 adds LaCo, renames the model back, and
  // renumbers FoldGPT from [3] to [6] without touching the rows that cite [3], which the history resolves.
  const first = seedSource.replace(/- \[5\] LaCo.*\n.*\n/, '').replace('| Mixtral-7B      |', '| Mixtral-7B-v0      |')
  const second = seedSource.replace('- [3] FoldGPT', '- [6] FoldGPT')
  const repo = scriptedRepo([
    {date: '2024-01-10T09:00:00Z', files: {'README.md': first}},
    {date: '2024-03-05T10:00:00Z', files: {'README.md': second}}
  ], join(tmp, 'repo'))
  const input = join(repo, 'README.md')
  // And an edit not committed yet.
  writeFileSync(input, second.replace('ShortGPT:Layers', 'ShortGPT (edited):Layers'))
  const dev = createDevSite({input})
  await dev.refresh()
  expect(await expectSameAsFullBuild(dev, input, join(tmp, 'repo-dist'))).toBeGreaterThan(40)
  // What the history gave, so the comparison above is not of two sites that both lack it.
  expect(dev.page('/papers/laco/')?.body).toContain('datetime="2024-03-05"')
  expect(dev.page('/models/mixtral-7b-v0/')?.body).toContain('models/mixtral-7b/')
  expect(dev.page('/models/gemma-2b/')?.body).toContain('FoldGPT')
  expect(dev.messages()[0]?.messages.some((m) => m.ruleId?.startsWith('reference-') && /FoldGPT/.test(m.reason))).toBe(true)
  // The history is kept between saves, and read again once a commit is made.
  const added = second.replace('- [5] LaCo', '- [7] Wanda: A Simple and Effective Pruning Approach\n  Arxiv, [Paper](https://arxiv.org/pdf/2306.11695)\n- [5] LaCo')
  writeFileSync(input, added)
  await dev.refresh()
  expect(dev.page('/papers/wanda/')?.body).toContain('Wanda')
  expect(dev.page('/papers/wanda/')?.body).not.toContain('datetime="2024-06-07"')
  const date = '2024-06-07T08:00:00Z'
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '--quiet', '-am', 'Wanda'], {cwd: repo, env: {...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date}})
  await dev.refresh()
  expect(dev.page('/papers/wanda/')?.body).toContain('datetime="2024-06-07"')
}, 60_000)

it('after an edit, serves through its cached pieces exactly what a full build of the edited README writes', async () => {
  const {syntheticReadme} = await import('../scripts/bench/readme.ts')
  const input = join(tmp, 'long.md')
  const before = syntheticReadme({papers: 150, form: 'sub-bullets'})
  writeFileSync(input, before)
  const dev = createDevSite({input})
  await dev.refresh()
  // Edit one entry's title and one table row: the other pieces come from the cache.
  const title = /^- \[\d+\] (.+)$/m.exec(before)![1]!
  const row = /^\| ([^|\n]+?) +\| \[/m.exec(before.slice(before.indexOf('| Name')))![1]!
  const after = before.replace(title, `${title} (revised)`).replace(`| ${row} `, `| ${row} v2 `)
  expect(after).not.toBe(before)
  writeFileSync(input, after)
  const [file] = await dev.refresh()
  expect(String(file?.value)).toContain('(revised)')
  expect(await expectSameAsFullBuild(dev, input, join(tmp, 'long-dist'))).toBeGreaterThan(150)
})

it('rehearses a save without changing what it serves: the pages and the messages stay those of the last refresh', async () => {
  const input = join(tmp, 'rehearsed.md')
  writeFileSync(input, seedSource)
  const dev = createDevSite({input})
  await dev.refresh()
  const [home, messages] = [dev.page('/')?.body, dev.messages()]
  // Saved, and not refreshed yet: the rehearsal reads the new text, and must not serve it.
  writeFileSync(input, seedSource.replace('Shortened LLaMA', 'Rehearsed LLaMA').replace('| Gemma-2B |  [3] |', '| Gemma-2B |  [99] |'))
  await dev.rehearse()
  expect(dev.page('/')?.body).toBe(home)
  expect(dev.messages()).toEqual(messages)
  await dev.refresh()
  expect(dev.page('/')?.body).toContain('Rehearsed LLaMA')
  expect(dev.messages()[0]?.messages.map((m) => m.ruleId)).toContain('reference-unresolved')
})

it('keeps the last good site on screen when the README cannot be read into a graph at all', async () => {
  const input = join(tmp, 'README.md')
  writeFileSync(input, seedSource)
  const dev = createDevSite({input})
  await dev.refresh()
  writeFileSync(input, `${'>'.repeat(200)} too deep\n`)
  const [file] = await dev.refresh()
  expect(file?.messages.map((m) => m.ruleId)).toEqual(['nesting-too-deep'])
  expect(dev.page('/')?.body).toContain('Awesome-LLM-Pruning')
})

it('says the same about a broken papers.meta.json in the build, the check and the dev server: one error, its rule, text and place', async () => {
  const folder = join(tmp, 'broken-meta')
  mkdirSync(folder, {recursive: true})
  const input = join(folder, 'README.md')
  writeFileSync(input, seedSource)
  writeFileSync(join(folder, 'papers.meta.json'), '{\n  "papers": {\n    "2402.02834": {"title": "x",\n')
  const said = (files: Array<{path?: string | undefined; messages: Array<{ruleId?: string | undefined; reason: string; line?: number | undefined; column?: number | undefined; fatal?: boolean | null | undefined}>}>) =>
    files.filter((file) => file.path?.endsWith('papers.meta.json')).flatMap((file) => file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId} ${m.reason}`))
  const built = await build({input, out: join(folder, 'dist')})
  expect(built.written).toBe(false)
  expect(said(built.files)).toEqual([expect.stringMatching(/^4:1 error meta-cache is not valid JSON at line 4, column 1; run `npm run enrich`/)])
  const dev = createDevSite({input})
  expect(said(await dev.refresh())).toEqual(said(built.files))
  // The preview goes on without the cache, and shows the error above the page.
  expect(dev.page('/')?.body).toContain('Awesome-LLM-Pruning')
  const [node, args] = cli('check', input)
  let output = ''
  let status = 0
  try {
    output = execFileSync(node, args, {encoding: 'utf8', env: {...process.env, GITHUB_ACTIONS: ''}})
  } catch (error) {
    ;({stdout: output, status} = error as {stdout: string; status: number})
  }
  expect(status).toBe(1)
  expect(output).toMatch(/papers\.meta\.json:4:1 +error +is not valid JSON at line 4, column 1; run `npm run enrich` to write it again +meta-cache/)
}, 60_000)
