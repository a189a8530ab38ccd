import {afterAll, afterEach, beforeEach, describe, expect, it} from 'vitest'
import {execFile} from 'node:child_process'
import {copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {parse} from 'yaml'
import {parse as parseBibtex} from '@retorquere/bibtex-parser'
import {build} from '../src/build.ts'
import {parseMetaCache} from '../src/meta/cache.ts'
import {seedSource} from './helpers/seed.ts'
import {scratch} from './helpers/scratch.ts'
import {replayArxiv, type Behaviour, type ReplayServer} from './helpers/arxiv-replay.ts'
import {networkAttempts} from './helpers/no-network.ts'

/**
 * Issue 14, metadata in production: the deploy workflow's enrich step, run as the script it is, against a
 * local server that replays the recorded arXiv answers (test/fixtures/arxiv/); then the build, which must
 * not open a single connection, shows what it fetched.
 */
const project = fileURLToPath(new URL('../', import.meta.url))
const tmp = scratch('metadata-deploy')
let server: ReplayServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})
afterAll(() => tmp.dispose())

interface Step {name?: string; run?: string; env?: Record<string, string>}
const deploy = parse(readFileSync(join(project, '.github/workflows/deploy.yml'), 'utf8')) as {jobs: Record<string, {steps: Step[]}>}
const enrichStep = deploy.jobs['build']!.steps.find((step) => step.run?.startsWith('npm run enrich'))!

/** A checkout of the project whose list is the seed with the committed, empty cache. */
function checkout(name: string): string {
  const dir = join(tmp.dir, name)
  mkdirSync(join(dir, 'content'), {recursive: true})
  copyFileSync(join(project, 'package.json'), join(dir, 'package.json'))
  for (const shared of ['node_modules', 'scripts', 'src']) symlinkSync(join(project, shared), join(dir, shared))
  writeFileSync(join(dir, 'content/README.md'), seedSource)
  writeFileSync(join(dir, 'content/papers.meta.json'), readFileSync(join(project, 'content/papers.meta.json'), 'utf8'))
  return dir
}

/** Runs the workflow step's script with bash in `dir`, its env given, and the arXiv API pointed at the replay. */
async function runStep(dir: string, script: Record<string, Behaviour[]> = {}) {
  server = await replayArxiv(script)
  const env = {...process.env, ...enrichStep.env, ARXIV_API: server.api}
  try {
    const {stdout, stderr} = await promisify(execFile)('bash', ['-e', '-c', enrichStep.run!], {cwd: dir, env, encoding: 'utf8'})
    return {status: 0, stdout, stderr, requests: server.requests}
  } catch (error) {
    const failure = error as {code: number; stdout: string; stderr: string}
    return {status: failure.code, stdout: failure.stdout, stderr: failure.stderr, requests: server.requests}
  }
}

describe('the deploy workflow’s enrich step, then the build', () => {
  let dir: string
  beforeEach(() => {
    dir = checkout(`site-${Date.now()}`)
  })

  it('fills in the authors of every seed paper; the build, opening no connection, shows them on the page, in the BibTeX and its keys, and in the JSON-LD', async () => {
    expect(enrichStep.env?.['ARXIV_API']).toBe('https://export.arxiv.org/api/query')
    const run = await runStep(dir)
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('5 of 5 arXiv papers cached; fetched 5, 0 failed.')
    // One request for the seed's five ids, as production batches them.
    expect(run.requests.map((request) => request.ids)).toEqual(['2402.02834,2403.03853,2407.00928,2406.16330,2402.11187'])
    const cache = parseMetaCache(readFileSync(join(dir, 'content/papers.meta.json'), 'utf8')).cache
    expect(cache.size).toBe(5)
    for (const meta of cache.values()) expect(meta.authors.length, meta.arxiv).toBeGreaterThan(0)

    const out = join(dir, 'dist')
    const attempts = await networkAttempts(async () => {
      expect((await build({input: join(dir, 'content/README.md'), out, history: false})).written).toBe(true)
    })
    expect(attempts).toEqual([])

    const page = readFileSync(join(out, 'papers/foldgpt/index.html'), 'utf8')
    expect(page).toContain('<p class="authors">Songwei Liu, Chao Zeng, Lianqiang Li, Chenqian Yan, Lean Fu, Xing Mei, Fangmin Chen</p>')
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)![1]!) as {author: Array<{name: string}>}
    expect(ld.author[0]).toEqual({'@type': 'Person', name: 'Songwei Liu'})
    const entries = parseBibtex(readFileSync(join(out, 'papers.bib'), 'utf8')).entries
    expect(entries).toHaveLength(5)
    for (const entry of entries) {
      expect(entry.fields['author']?.length, entry.key).toBeGreaterThan(0)
      // lastname, year, first word of the title.
      const last = entry.fields['author']![0]!.lastName!.toLowerCase().replace(/[^a-z]/g, '')
      expect(entry.key).toMatch(new RegExp(`^${last}\\d{4}[a-z0-9]+$`))
    }
    expect(entries.map((entry) => entry.key)).toEqual(['kim2024shortened', 'men2024shortgpt', 'liu2024foldgpt', 'liu2024pruning', 'yang2024laco'])
    // The search finds a paper by an author's name: the card carries the names.
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<p class="paper-authors">Yifei Yang, Zouying Cao, Hai Zhao</p>')
  })

  it('when arXiv refuses, warns and leaves the committed cache as it was: the build goes on without authors', async () => {
    const run = await runStep(dir, {'2402.02834,2403.03853,2407.00928,2406.16330,2402.11187': [400]})
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('::warning title=arXiv metadata::')
    expect(parseMetaCache(readFileSync(join(dir, 'content/papers.meta.json'), 'utf8')).cache.size).toBe(0)
    const out = join(dir, 'dist')
    expect((await build({input: join(dir, 'content/README.md'), out, history: false})).written).toBe(true)
    expect(readFileSync(join(out, 'papers/foldgpt/index.html'), 'utf8')).not.toContain('class="authors"')
  })
})
