import {afterAll, describe, expect, it} from 'vitest'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {spawnSync} from 'node:child_process'
import {seedSource} from './helpers/seed.ts'
import {cli} from '../scripts/shared/cli.ts'
import {runRecordingModules} from './helpers/loaded-modules.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-check-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/**
 * `npm run check [-- FILE]`, as a contributor or CI runs it. The seed goes through npm itself, to prove the
 * wiring; the other cases run the same script with node directly, which starts faster.
 */
function check(args: string[], env: Record<string, string> = {}, via: 'npm' | 'node' = 'node') {
  const [command, argv] = via === 'npm' ? ['npm', ['run', '--silent', 'check', '--', ...args]] : cli('check', ...args)
  const run = spawnSync(command, argv, {
    encoding: 'utf8',
    env: {...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', ...env}
  })
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}

/** The warnings the seed must give, and no others: place and rule id. */
const seedWarnings = [
  '7:5 contents-entry-unmatched', // "Survey" is no heading
  '8:5 contents-entry-unmatched', // nor "Layer Pruning"
  '26:3 paper-unreferenced', // [5] LaCo
  '42:3 name-similar', // LLaMaA2-13B beside LLaMA2-7B
  '43:3 name-similar', // LLaMaA3-8B
  '44:3 name-similar', // LLaMaA3-70B
  '63:45 trailing-comma', // `[1],[3],`
  '70:31 trailing-comma',
  '71:26 trailing-comma',
  '72:19 trailing-comma',
  '74:25 trailing-comma',
  '94:1 heading-empty' // `## `
]

describe('npm run check on the seed', () => {
  const {status, stdout} = check([], {}, 'npm')

  it('exits 0: the seed has warnings but no error', () => {
    expect(status).toBe(0)
  })

  it('says how it read the list: the form of each section, and how many paper links became papers', () => {
    expect(stdout.split('\n').slice(0, 3)).toEqual(['Papers: bullets (title, then venue and links, sub-bullets), 5 entries', 'read 5 papers from 5 paper links (100%)', ''])
  })

  it('prints exactly the expected warnings, eslint-style, then a summary line', () => {
    const lines = stdout.trimEnd().split('\n').slice(3)
    const messages = lines.slice(0, -2)
    expect(messages.map((line) => {
      const match = /^content\/README\.md:(\d+):(\d+) {2}warning {2}.+; .+ {2}([a-z-]+)$/.exec(line)
      return match ? `${match[1]}:${match[2]} ${match[3]}` : `unexpected: ${line}`
    })).toEqual(seedWarnings)
    expect(lines.slice(-2)).toEqual(['', '⚠ 0 errors, 12 warnings'])
  })

  it('names the right spellings and says how to fix each', () => {
    expect(stdout).toContain('Model `LLaMaA2-13B` looks like `LLaMA2-7B` spelled another way (`LLaMaA` beside `LLaMA`); write `LLaMA2-13B`')
    expect(stdout).toContain('write `LLaMA3-8B`')
    expect(stdout).toContain('write `LLaMA3-70B`')
    expect(stdout).toContain('Paper [5] ("LaCo: Large Language Model Pruning via Layer Collapse") is not cited in any table; add [5] to the rows')
    expect(stdout).toContain('The Contents lists "Survey", but no heading is called that')
    expect(stdout).toContain('The Contents lists "Layer Pruning", but no heading is called that')
    expect(stdout).toContain('This level-2 heading is empty')
  })

  it('checks a file given after --, with the same result', () => {
    const other = check(['test/fixtures/seed/README.md'])
    expect(other.status).toBe(0)
    expect(other.stdout.replaceAll('test/fixtures/seed/README.md', 'content/README.md')).toBe(stdout)
  })
})

it('loads only the parser, the rules and the metadata cache\'s reader: no vite, no template engine, no page code and no TypeScript', () => {
  // The compiled modules one by one: what they import is what the check's bundle is made of.
  const run = runRecordingModules('check', ['test/fixtures/seed/README.md'], {unbundled: true})
  expect(run.status).toBe(0)
  expect(run.modules).toContain('lib/src/rules/index.js')
  // The metadata cache is read as the build reads it (a broken one fails the check as it stops the build); nothing that fetches it.
  expect(run.modules.filter((url) => /^node_modules\/(vite|rolldown|eta|tsx|esbuild)\/|^lib\/src\/(render|write)\/|^lib\/src\/meta\/(?!cache\.js$|schema\.js$)|\.ts$/.test(url))).toEqual([])
})

describe('npm run check on a README with errors', () => {
  const file = join(tmp, 'README.md')
  writeFileSync(file, seedSource.replace('| Gemma-2B |  [3] |', '| Gemma-2B |  [9] |').replace('- [2] ShortGPT:', '- [1] ShortGPT:'))

  it('exits 1 and prints each error at its line and column, with the summary', () => {
    const {status, stdout} = check([file])
    expect(status).toBe(1)
    expect(stdout).toContain(`${file}:20:3  error  Paper [1] ("ShortGPT:Layers in Large Language Models are More Redunda…") has the same number as "Shortened LLaMA`)
    expect(stdout).toMatch(new RegExp(`${file}:50:15  error  Reference \\[9\\] in \`Gemma-2B\` matches no paper: .+  reference-unresolved\n`))
    expect(stdout).toContain('reference-ambiguous')
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^✖ \d+ errors, \d+ warnings$/)
  })

  it('on GitHub Actions, also writes annotations and a step summary', () => {
    const summary = join(tmp, 'summary.md')
    writeFileSync(summary, '')
    const {status, stdout} = check([file], {GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary})
    expect(status).toBe(1)
    const annotations = stdout.split('\n').filter((line) => line.startsWith('::'))
    const escaped = file.replace(/:/g, '%3A').replace(/,/g, '%2C')
    expect(annotations).toContain(`::error file=${escaped},line=50,col=15,endLine=50,endColumn=18,title=reference-unresolved::Reference [9] in \`Gemma-2B\` matches no paper: no paper is numbered [9] (the list's history cannot tell which paper the row meant: the list is not in a git repository); use the number of a paper in the Papers section, or add the paper first`)
    expect(annotations.filter((line) => line.startsWith('::warning file='))).toHaveLength(annotations.filter((line) => /^::warning /.test(line)).length)
    expect(annotations.some((line) => /^::warning file=[^,]+,line=94,col=1,.*title=heading-empty::This level-2 heading is empty/.test(line))).toBe(true)
    const markdown = readFileSync(summary, 'utf8')
    expect(markdown).toMatch(/^## README check\n\n\d+ errors, \d+ warnings\n/)
    expect(markdown).toContain(`<tr><td>❌ error</td><td><code>${file}:50:15</code></td><td>Reference [9] in \`Gemma-2B\` matches no paper`)
    expect(markdown).toContain('<tr><td>⚠️ warning</td>')
  })
})

it('prints the README’s control characters and bidi overrides as escapes, in the terminal and on GitHub', () => {
  const file = join(tmp, 'controls.md')
  writeFileSync(file, '# L\n\n## Papers\n- [1] Clears \u001b[2J\u001b[1;1Hthe log\n  Arxiv, [Paper](https://arxiv.org/abs/2401.00001)\n- [1] Reversed \u202Etitle\n  Arxiv, [Paper](https://arxiv.org/abs/2401.00002)\n')
  for (const env of [{}, {GITHUB_ACTIONS: 'true'}] as Array<Record<string, string>>) {
    const {status, stdout} = check([file], env)
    expect(status).toBe(1)
    expect(stdout).toContain('Clears \\u{1b}[2J\\u{1b}[1;1Hthe log')
    expect(stdout).toContain('Reversed \\u{202e}title')
    expect(stdout).not.toMatch(/[\u001b\u202e]/)
  }
})

it('says so, with exit code 2 and no stack trace, when the file does not exist', () => {
  const {status, stderr} = check([join(tmp, 'missing.md')])
  expect(status).toBe(2)
  expect(stderr).toContain('cannot read')
  expect(stderr).not.toMatch(/\n\s+at /)
})
