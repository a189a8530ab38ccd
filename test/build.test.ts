import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync, statSync, cpSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {execFileSync, spawnSync} from 'node:child_process'
import {build} from '../src/build.ts'
import {seedPath, seedSource} from './helpers/seed.ts'
import {internalLinks, pages} from './helpers/links.ts'
import {cli} from '../scripts/shared/cli.ts'
import {runRecordingModules} from './helpers/loaded-modules.ts'
import {syntheticReadme} from '../scripts/bench/readme.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-build-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

interface GraphJson {
  papers: Array<{id: string; number: number; title: string; page: string; links: Array<{label: string; href: string}>; arxiv: string | null; models: string[]; datasets: string[]; methods: string[]}>
  models: Array<{id: string; name: string; page: string; papers: string[]}>
  datasets: Array<{id: string; name: string; page: string; roles: string[]; papers: string[]}>
  methods: Array<{id: string; name: string; page: string; papers: string[]}>
  tools: Array<{id: string; name: string; href: string}>
}

for (const base of ['/', '/Awesome-LLM-Pruning/']) {
  describe(`the seed, built under base ${base}`, () => {
    const out = join(tmp, base === '/' ? 'root' : 'project')
    let graph: GraphJson

    beforeAll(async () => {
      const result = await build({input: seedPath, out, base})
      expect(result.written).toBe(true)
      expect(result.files[0]?.messages.filter((m) => m.fatal)).toEqual([])
      graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'))
    })

    it('exports graph.json with the documented shape and the seed\'s numbers', () => {
      expect([graph.papers.length, graph.models.length, graph.datasets.length, graph.methods.length, graph.tools.length]).toEqual([5, 12, 22, 3, 2])
      const paper = graph.papers[0]!
      expect(Object.keys(paper)).toEqual(expect.arrayContaining(['id', 'number', 'title', 'page', 'links', 'arxiv', 'models', 'datasets', 'methods']))
      expect(paper).toMatchObject({id: 'shortened-llama', number: 1, page: 'papers/shortened-llama/', arxiv: '2402.02834'})
      expect(paper.links).toEqual([
        {label: 'Paper', href: 'https://arxiv.org/pdf/2402.02834'},
        {label: 'Code', href: 'https://github.com/Nota-NetsPresso/shortened-llm'}
      ])
      expect(graph.models.find((m) => m.name === 'LLaMA2-7B')).toMatchObject({id: 'llama2-7b', page: 'models/llama2-7b/', papers: ['shortgpt', 'foldgpt', 'pruning-via-merging']})
      expect(graph.datasets.find((d) => d.name === 'BookCorpus')).toMatchObject({roles: ['calibration'], papers: ['shortened-llama']})
      expect(graph.tools[0]).toEqual({id: 'lm-evaluation-harness', name: 'lm-evaluation-harness', href: 'https://github.com/EleutherAI/lm-evaluation-harness'})
    })

    it('writes a page for every entity at its `page`', () => {
      for (const entity of [...graph.papers, ...graph.models, ...graph.datasets, ...graph.methods]) {
        const html = readFileSync(join(out, entity.page, 'index.html'), 'utf8')
        expect(html).toMatch(/<h1 id="page-title"[ >]/)
      }
      for (const index of ['index.html', 'models/index.html', 'datasets/index.html', 'methods/index.html', 'tools/index.html']) {
        expect(statSync(join(out, index)).isFile()).toBe(true)
      }
    })

    it('links every entity page to each neighbour, and back', () => {
      const linksOf = (page: string) => {
        const html = readFileSync(join(out, page, 'index.html'), 'utf8')
        return new Set(internalLinks({path: base + page, file: '', html}).map((url) => url.pathname))
      }
      const href = (page: string) => base + page
      for (const paper of graph.papers) {
        const from = linksOf(paper.page)
        const neighbours = [
          ...paper.models.map((id) => graph.models.find((m) => m.id === id)!),
          ...paper.datasets.map((id) => graph.datasets.find((d) => d.id === id)!),
          ...paper.methods.map((id) => graph.methods.find((m) => m.id === id)!)
        ]
        for (const neighbour of neighbours) {
          expect(from, `${paper.page} → ${neighbour.page}`).toContain(href(neighbour.page))
          expect(linksOf(neighbour.page), `${neighbour.page} → ${paper.page}`).toContain(href(paper.page))
        }
      }
      const home = linksOf('')
      for (const paper of graph.papers) expect(home).toContain(href(paper.page))
      for (const entity of [...graph.models, ...graph.datasets, ...graph.methods]) expect(home).toContain(href(entity.page))
    })

    it('puts a Content-Security-Policy on every page and no inline script', () => {
      for (const page of pages(out, base)) {
        expect(page.html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;')
        // JSON-LD is a data block, never run: the only inline script allowed, and it must hold JSON and no `<`.
        expect(page.html).not.toMatch(/<script(?![^>]*\s(?:src=|type="application\/ld\+json"))[^>]*>/)
        for (const [, json] of page.html.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)) {
          expect(json).not.toContain('<')
          expect(JSON.parse(json!)).toHaveProperty('@context', 'https://schema.org')
        }
        expect(page.html).not.toMatch(/\son[a-z]+=/i)
      }
    })
  })
}

describe('the build command', () => {
  it('leaves the previous output untouched when a build fails', async () => {
    const out = join(tmp, 'atomic')
    await build({input: seedPath, out})
    const before = listFiles(out).map((file) => [file, readFileSync(file, 'utf8')])
    const bad = join(tmp, 'bad.md')
    writeFileSync(bad, seedSource.replace('| Gemma-2B |  [3] |', '| Gemma-2B |  [9] |'))
    const result = await build({input: bad, out})
    expect(result.written).toBe(false)
    expect(listFiles(out).map((file) => [file, readFileSync(file, 'utf8')])).toEqual(before)
    expect(readdirSync(tmp).filter((name) => name.includes('staging'))).toEqual([])
  })

  it('reads a README saved with a byte order mark exactly as one without', async () => {
    const withMark = join(tmp, 'bom.md')
    writeFileSync(withMark, `\uFEFF${seedSource}`)
    const marked = await build({input: withMark, out: join(tmp, 'bom'), history: false})
    const plain = await build({input: seedPath, out: join(tmp, 'no-bom'), history: false})
    expect(marked.written).toBe(true)
    const messages = (result: typeof plain) => result.files.flatMap((file) => file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`))
    expect(messages(marked)).toEqual(messages(plain))
    expect(readFileSync(join(tmp, 'bom', 'graph.json'), 'utf8')).toBe(readFileSync(join(tmp, 'no-bom', 'graph.json'), 'utf8'))
  })

  it('reports bad input as file:line:column with the fix, exits 1, and prints no stack trace', () => {
    const dir = join(tmp, 'cli')
    cpSync(join(seedPath, '..'), dir, {recursive: true})
    writeFileSync(join(dir, 'README.md'), seedSource.replace('| Gemma-2B |  [3] |', '| Gemma-2B |  [9] |').replace('[Paper](https://arxiv.org/pdf/2402.11187)', '[Paper](javascript:alert(1))'))
    const run = spawnSync(...cli('build', '--input', join(dir, 'README.md'), '--out', join(dir, 'out')), {encoding: 'utf8'})
    expect(run.status).toBe(1)
    const file = join(dir, 'README.md')
    expect(run.stderr).toContain(`${file}:50:15`)
    expect(run.stderr).toContain('Reference [9]')
    expect(run.stderr).toContain('reference-unresolved')
    expect(run.stderr).toContain(`${file}:27:10`)
    expect(run.stderr).toContain('url-unsafe')
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
    expect(statSync(join(dir, 'out'), {throwIfNoEntry: false})).toBeUndefined()
  })

  it('builds the seed with no message at all on the terminal but what it read and its summary', () => {
    const out = join(tmp, 'cli-seed')
    const stdout = execFileSync(...cli('build', '--input', seedPath, '--out', out), {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
    expect(stdout).toMatch(/^Papers: bullets \(title, then venue and links, sub-bullets\), 5 entries\nread 5 papers from 5 paper links \(100%\)\nBuilt 5 papers, 12 models, 22 datasets, 3 methods and 2 tools into .+ in \d+ ms\.\n$/)
  })

  it('loads vite only to make a new browser bundle: a second build with the same client sources does not', () => {
    // A base no build has used yet, so that the first build finds no bundle in the cache.
    const base = `/bundle-${process.pid}-${Date.now()}/`
    const loadsVite = (modules: string[]) => modules.some((url) => url.startsWith('node_modules/vite/'))
    const first = runRecordingModules('build', ['--input', seedPath, '--out', join(tmp, 'bundle-1'), '--base', base])
    expect(first.status).toBe(0)
    expect(loadsVite(first.modules)).toBe(true)
    const second = runRecordingModules('build', ['--input', seedPath, '--out', join(tmp, 'bundle-2'), '--base', base])
    expect(second.status).toBe(0)
    expect(loadsVite(second.modules)).toBe(false)
    const files = listFiles(join(tmp, 'bundle-1')).map((file) => relative(join(tmp, 'bundle-1'), file))
    expect(files.some((file) => /^assets\/home-.+\.js$/.test(file))).toBe(true)
    for (const file of files) expect(readFileSync(join(tmp, 'bundle-2', file)), file).toEqual(readFileSync(join(tmp, 'bundle-1', file)))
    expect(listFiles(join(tmp, 'bundle-2')).length).toBe(files.length)
  })

  it('parses a README of more than 256 KB on two threads and writes from a writer thread, the workers loaded from beside the command', () => {
    const input = join(tmp, 'large.md')
    // Emphasis in every title: remark parses each piece (plain pieces are read without remark, on one thread).
    writeFileSync(input, syntheticReadme({papers: 700, form: 'sub-bullets'}).replace(/^(- \[\d+\] )/gm, '$1*Emphasised* '))
    const run = runRecordingModules('build', ['--input', input, '--out', join(tmp, 'large'), '--quiet', '--allow-errors'])
    expect(run.status).toBe(0)
    expect(run.modules.filter((url) => /^lib\/(bundle|src\/parse)\/worker\.js$/.test(url))).toHaveLength(1)
    expect(run.modules.filter((url) => /^lib\/(bundle|src\/write)\/write-worker\.js$/.test(url))).toHaveLength(1)
    expect(readdirSync(join(tmp, 'large', 'papers'))).toHaveLength(700)
  })

  it('refuses input nested too deeply for the parser, with a position instead of a crash', async () => {
    const deep = join(tmp, 'deep.md')
    writeFileSync(deep, `# T\n\n${'>'.repeat(5000)} deep\n`)
    const result = await build({input: deep, out: join(tmp, 'deep-out')})
    expect(result.written).toBe(false)
    expect(result.files[0]?.messages[0]).toMatchObject({line: 3, column: 1, ruleId: 'nesting-too-deep', fatal: true})
  })
})

function listFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}
