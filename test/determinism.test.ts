import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import * as fsPromises from 'node:fs/promises'
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from '../src/build.ts'
import {writeSite} from '../src/write/output.ts'
import {templatesDir} from '../src/render/eta.ts'
import {buildSite} from './helpers/sites.ts'
import {scratch} from './helpers/scratch.ts'
import {fixtures} from './helpers/shared-sites.ts'
import {recordQuality} from '../scripts/shared/quality.ts'
import {cli} from '../scripts/shared/cli.ts'

// Lets one test make a single rename fail, as a full disk or a permissions change would.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsPromises>()
  return {...real, rename: vi.fn(real.rename)}
})

const root = fileURLToPath(new URL('../', import.meta.url))
const tmp = scratch('determinism')
const figures = {'rebuild variants compared': 0, 'files compared': 0, 'concurrent build pairs': 0, 'failed builds that left dist/ intact': 0}

afterAll(() => {
  recordQuality('determinism', figures)
  tmp.dispose()
})

/** Every file of a folder with the SHA-256 of its bytes, in a stable order. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile())
  return Object.fromEntries(
    files
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [relative(dir, file).split('\\').join('/'), createHash('sha256').update(readFileSync(file)).digest('hex')])
  )
}

/** Runs the build command in a child process; resolves with its exit code and stderr. */
function runCli(args: string[], options: {cwd: string; env?: Record<string, string>}): Promise<{code: number | null; stderr: string}> {
  return new Promise((resolve) => {
    const env = {...process.env, ...options.env}
    delete env['GITHUB_REPOSITORY']
    const child = spawn(...cli('build', ...args), {cwd: options.cwd, env})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({code, stderr}))
  })
}

function staging(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.includes('.staging-'))
}

describe('rebuilds', () => {
  it('are byte-identical from another working directory, time zone and locale', async () => {
    const elsewhere = join(tmp.dir, 'elsewhere')
    mkdirSync(elsewhere)
    const variants = [
      {cwd: root, env: {TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8'}},
      {cwd: elsewhere, env: {TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8'}},
      {cwd: '/', env: {TZ: 'America/St_Johns', LANG: 'ar_SA.UTF-8', LC_ALL: 'de_DE.UTF-8'}}
    ]
    const outs = variants.map((_, n) => join(tmp.dir, `variant-${n}`))
    const runs = await Promise.all(variants.map((variant, n) => runCli(['--input', fixtures.rich, '--out', outs[n]!, '--base', '/Awesome-LLM-Pruning/', '--quiet'], variant)))
    for (const run of runs) expect(run, run.stderr).toMatchObject({code: 0})
    const first = snapshot(outs[0]!)
    expect(Object.keys(first).length).toBeGreaterThan(15)
    for (const out of outs.slice(1)) expect(snapshot(out)).toEqual(first)
    figures['rebuild variants compared'] += variants.length
    figures['files compared'] += Object.keys(first).length * variants.length
  })
})

describe('a failing build', () => {
  it('leaves the previous dist/ exactly as it was, whatever made it fail', async () => {
    const out = join(tmp.dir, 'kept')
    await buildSite({input: fixtures.seed, out})
    const before = snapshot(out)
    const bad = join(tmp.dir, 'bad.md')
    writeFileSync(bad, readFileSync(fixtures.seed, 'utf8').replace('| Gemma-2B |  [3] |', '| Gemma-2B |  [9] |'))
    const deep = join(tmp.dir, 'deep.md')
    writeFileSync(deep, `# T\r\r${'> '.repeat(500)}deep\r`)
    for (const [input, code] of [[bad, 1], [deep, 1], [join(tmp.dir, 'missing.md'), 2]] as const) {
      const run = await runCli(['--input', input, '--out', out], {cwd: tmp.dir})
      expect(run.code, run.stderr).toBe(code)
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
      expect(snapshot(out)).toEqual(before)
      figures['failed builds that left dist/ intact']++
    }
    expect(staging(tmp.dir)).toEqual([])
  })

  it('that fails while writing leaves no staging folder and the previous output as it was', async () => {
    const out = join(tmp.dir, 'write-fails')
    await writeSite(out, new Map([['index.html', 'old']]))
    // `a` is both a file and a folder: the write fails half-way.
    await expect(writeSite(out, new Map([['index.html', 'new'], ['a', 'x'], ['a/b.html', 'y']]))).rejects.toThrow()
    expect(snapshot(out)).toEqual({'index.html': createHash('sha256').update('old').digest('hex')})
    expect(staging(tmp.dir)).toEqual([])
    figures['failed builds that left dist/ intact']++
  })

  it('that fails in a template half-way through the pages names the template, and leaves the previous output as it was', async () => {
    const out = join(tmp.dir, 'template-fails')
    await buildSite({input: fixtures.seed, out, history: false})
    const before = snapshot(out)
    // Paper pages are written after the home page and the indexes: the failure comes mid-write.
    const templates = join(tmp.dir, 'broken-templates')
    cpSync(templatesDir, templates, {recursive: true})
    const paperTemplate = join(templates, 'pages', 'paper.eta')
    writeFileSync(paperTemplate, `<%= it.data.nothing.here %>\n${readFileSync(paperTemplate, 'utf8')}`)
    const result = await build({input: fixtures.seed, out, templates, history: false})
    expect(result.written).toBe(false)
    const errors = result.files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => `${file.path}: ${message.reason}`))
    expect(errors).toEqual([expect.stringMatching(/^templates\/pages\/paper\.eta: .*here/)])
    expect(snapshot(out)).toEqual(before)
    expect(staging(tmp.dir)).toEqual([])
    figures['failed builds that left dist/ intact']++
  })

  it('that fails while swapping the new output in puts the previous one back', async () => {
    const out = join(tmp.dir, 'swap-fails')
    await writeSite(out, new Map([['index.html', 'old']]))
    const rename = vi.mocked(fsPromises.rename)
    const real = rename.getMockImplementation()!
    rename.mockImplementation(async (from, to) => {
      if (String(from).includes('.staging-') && !String(from).endsWith('.old')) throw Object.assign(new Error('EACCES: permission denied'), {code: 'EACCES'})
      return real(from, to)
    })
    try {
      await expect(writeSite(out, new Map([['index.html', 'new']]))).rejects.toThrow('EACCES')
    } finally {
      rename.mockImplementation(real)
    }
    expect(snapshot(out)).toEqual({'index.html': createHash('sha256').update('old').digest('hex')})
    expect(staging(tmp.dir)).toEqual([])
    figures['failed builds that left dist/ intact']++
  })
})

describe('two builds started at once', () => {
  let references: Record<string, Record<string, string>>

  beforeAll(async () => {
    references = {
      seed: snapshot(await buildSite({input: fixtures.seed, out: join(tmp.dir, 'ref-seed')})),
      rich: snapshot(await buildSite({input: fixtures.rich, out: join(tmp.dir, 'ref-rich')}))
    }
  })

  it('in one process leave exactly one of the two sites, never a mix, and no staging folder', async () => {
    for (let round = 0; round < 4; round++) {
      const out = join(tmp.dir, `race-${round}`)
      if (round % 2 === 1) await buildSite({input: fixtures.seed, out})
      const results = await Promise.all([build({input: fixtures.seed, out}), build({input: fixtures.rich, out})])
      expect(results.map((r) => r.written)).toEqual([true, true])
      expect([references.seed, references.rich]).toContainEqual(snapshot(out))
      expect(staging(tmp.dir)).toEqual([])
      figures['concurrent build pairs']++
    }
  })

  it('in two processes leave exactly one of the two sites, never a mix, and no staging folder', async () => {
    const out = join(tmp.dir, 'race-cli')
    const runs = await Promise.all([
      runCli(['--input', fixtures.seed, '--out', out, '--quiet'], {cwd: tmp.dir}),
      runCli(['--input', fixtures.rich, '--out', out, '--quiet'], {cwd: tmp.dir})
    ])
    for (const run of runs) expect(run, run.stderr).toMatchObject({code: 0})
    expect([references.seed, references.rich]).toContainEqual(snapshot(out))
    expect(staging(tmp.dir)).toEqual([])
    figures['concurrent build pairs']++
  })
})
