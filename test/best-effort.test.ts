import {afterAll, describe, expect, it} from 'vitest'
import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {build} from '../src/build.ts'
import {cli} from '../scripts/shared/cli.ts'

/**
 * `npm run build -- --allow-errors`: renders what it could resolve, leaves out only what the errors name,
 * prints every diagnostic and exits 0. The dev server builds this way.
 */
const input = fileURLToPath(new URL('fixtures/errors/README.md', import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), 'site-best-effort-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

interface GraphJson {
  papers: Array<{title: string; number: number; links: Array<{label: string; href: string}>; models: string[]; labels: string[]; summary: string | null}>
  models: Array<{id: string; name: string; papers: string[]}>
  tools: Array<{name: string; href: string}>
}

describe('a best-effort build of a README with every kind of error', () => {
  const out = join(tmp, 'dist')
  const run = spawnSync(...cli('build', '--allow-errors', '--input', input, '--out', out), {encoding: 'utf8'})
  const graph = (): GraphJson => JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'))
  const byTitle = (title: string) => graph().papers.find((paper) => paper.title === title)

  it('exits 0, prints every diagnostic with its place, and writes the site', () => {
    expect(run.status).toBe(0)
    for (const rule of ['paper-missing-title', 'paper-missing-link', 'paper-duplicate', 'url-unsafe', 'row-missing-name', 'row-duplicate-name', 'reference-malformed', 'reference-unresolved']) {
      expect(run.stderr, rule).toMatch(new RegExp(`README\\.md:\\d+:\\d+  error  .+  ${rule}$`, 'm'))
    }
    expect(run.stderr).toMatch(/✖ \d+ errors/)
    expect(run.stdout).toMatch(/^Built 4 papers, /m)
    expect(statSync(join(out, 'index.html')).isFile()).toBe(true)
  })

  it('leaves out the untitled entry and the second listing of a duplicate, and nothing else', () => {
    expect(graph().papers.map((paper) => paper.number)).toEqual([1, 3, 4, 6])
    expect(byTitle('Kept: A Paper Everything Resolves To')).toMatchObject({labels: ['structure-pruning'], summary: 'Kept, with its summary.'})
  })

  it('keeps an entry whose only fault is its link, without the link', () => {
    expect(byTitle('Kept Without a Link: The Placeholder Paper')?.links).toEqual([])
    expect(byTitle('Kept, With an Unsafe Link Only')?.links).toEqual([])
    expect(byTitle('Kept: A Paper Everything Resolves To')?.links).toEqual([{label: 'Paper', href: 'https://arxiv.org/abs/2401.00001'}])
  })

  it('keeps every reference that resolves, and drops only the ones that do not', () => {
    const models = Object.fromEntries(graph().models.map((model) => [model.name, model.papers]))
    expect(models).toEqual({
      'LLaMA2-7B': ['kept'],
      'OPT-6.7B': ['kept'],
      // [5] named the duplicate, which is left out; the repeated row still adds its reference.
      'Gemma-2B': ['kept', 'kept-too']
    })
    expect(graph().tools).toEqual([{id: 'harness', name: 'Harness', href: 'https://github.com/EleutherAI/lm-evaluation-harness'}])
  })

  it('lets no unsafe URL through, in any page or in graph.json', () => {
    const files = readdirSync(out, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile() && /\.(html|json)$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
    expect(files.length).toBeGreaterThan(5)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      expect(text, file).not.toMatch(/javascript:|vbscript:|data:text/i)
    }
    const home = readFileSync(join(out, 'index.html'), 'utf8')
    expect(home).toContain('href="https://example.org/"')
    expect(home).toContain('<p>Read <a>this</a> or img.</p>')
  })
})

describe('without --allow-errors', () => {
  it('the same README fails the build and writes nothing', async () => {
    const out = join(tmp, 'strict')
    const result = await build({input, out})
    expect(result.written).toBe(false)
    expect(statSync(out, {throwIfNoEntry: false})).toBeUndefined()
  })
})
