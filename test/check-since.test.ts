import {afterAll, describe, expect, it} from 'vitest'
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {edit as replaced, pullRequest, readme, removePullRequests} from './helpers/pull-request.ts'
import {scriptedRepo} from './helpers/git-repo.ts'
import {runScript} from './helpers/project-script.ts'
import {seedSource} from './helpers/seed.ts'

/**
 * `npm run check -- --since BASE` on a pull request: GitHub shows only the first ten warning and ten error
 * annotations of a step, so the pull request's own findings must come first, and the list's old ones are
 * counted in one line. `--new-errors-only` fails only on errors the pull request brought.
 */
afterAll(removePullRequests)

/** The seed's 12 warnings and three more: 15 warnings, no error. */
const base = replaced(seedSource,
  ['[Code](https://github.com/Nota-NetsPresso/shortened-llm)', '[Code](http://github.com/Nota-NetsPresso/shortened-llm)'],
  ['| MMLU |   [2],[3],[4]  |', '| MMLU |   [2],[3],[4],  |'],
  ['- Tools\n', '- Tools\n- Benchmarks\n']
)
/** The pull request: one error (a reference to no paper) and one warning (a stray comma). */
const head = replaced(base, ['| Gemma-2B |  [3] |', '| Gemma-2B |  [9] |'], ['| CMMLU |   [2]   |', '| CMMLU |   [2],   |'])

const annotationsOf = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::'))

describe('a base with 15 warnings, a pull request that adds one error and one warning', () => {
  const dir = pullRequest(base, head)
  const summary = join(dir, 'summary.md')
  writeFileSync(summary, '')
  const onActions = {GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary}

  it('the base has exactly 15 warnings', () => {
    const {status, stdout} = runScript('check.ts', [], {cwd: pullRequest(base, undefined)})
    expect(status).toBe(0)
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('⚠ 0 errors, 15 warnings')
  })

  it('without --since, the pull request\'s warning comes after ten old ones, where GitHub no longer shows it', () => {
    const lines = annotationsOf(runScript('check.ts', [], {cwd: dir, env: onActions}).stdout)
    expect(lines).toHaveLength(17)
    const warnings = lines.filter((line) => line.startsWith('::warning '))
    expect(warnings.findIndex((line) => line.includes('`CMMLU`'))).toBeGreaterThanOrEqual(10)
  })

  it('with --since main, the first annotations are the pull request\'s two findings, then one line for the 15 old ones', () => {
    const {status, stdout} = runScript('check.ts', ['--since', 'main'], {cwd: dir, env: onActions})
    expect(status).toBe(1)
    const lines = annotationsOf(stdout)
    expect(lines[0]).toMatch(/^::error file=content\/README\.md,line=51,col=15,endLine=51,endColumn=18,title=reference-unresolved::Reference \[9\] in `Gemma-2B` matches no paper: no paper is numbered \[9\] \(the list's history cannot tell which paper the row meant: no paper carried \[9\] when the row was last changed \(commit [0-9a-f]{7}, \d{4}-\d\d-\d\d\) either\); use the number of a paper in the Papers section, or add the paper first$/)
    expect(lines.slice(1, 2)).toEqual([
      '::warning file=content/README.md,line=80,col=16,endLine=80,endColumn=17,title=trailing-comma::Stray comma after the last reference of `CMMLU`; delete the comma after the last reference'
    ])
    expect(lines.slice(2)).toEqual(['::notice title=Findings already in the list::15 findings were already in the README before this change (0 errors, 15 warnings) and are not annotated; the check\'s log lists every finding'])
    // The log still lists every finding, and says which are new.
    expect(stdout).toContain('✖ 1 error, 16 warnings')
    expect(stdout).toMatch(/^Since main \([0-9a-f]{7}\): this change introduced 1 error and 1 warning; 15 of the findings were already there\.$/m)
    expect(readFileSync(summary, 'utf8')).toContain('## README check')
  })

  it('fails on the new error with --new-errors-only too', () => {
    expect(runScript('check.ts', ['--since', 'main', '--new-errors-only'], {cwd: dir}).status).toBe(1)
  })
})

describe('--new-errors-only', () => {
  // The base already has an error; the pull request only fixes a comma and adds a warning.
  const broken = replaced(base, ['| Gemma-2B |  [3] |', '| Gemma-2B |  [9] |'])
  const dir = pullRequest(broken, replaced(broken, ['| MMLU |   [2],[3],[4],  |', '| MMLU |   [2],[3],[4]  |'], ['| CMMLU |   [2]   |', '| CMMLU |   [2],   |']))

  it('strict by default: the error the base had still fails the check', () => {
    expect(runScript('check.ts', ['--since', 'main'], {cwd: dir}).status).toBe(1)
  })

  it('with --new-errors-only, an error the base already had does not fail it (the merge base is the default --since)', () => {
    const {status, stdout} = runScript('check.ts', ['--new-errors-only'], {cwd: dir})
    expect(status).toBe(0)
    expect(stdout).toMatch(/^Since merge base with main \([0-9a-f]{7}\): this change introduced 0 errors and 1 warning; 15 of the findings were already there\.$/m)
  })
})

describe('a base whose table rows the history resolves, and a pull request that does not touch them', () => {
  // main: the list, then FoldGPT renumbered from [3] to [6] without rewriting the rows that cite [3],
  // which the history resolves (a warning each). The pull request changes only a paper's title.
  const renumbered = replaced(seedSource, ['- [3] FoldGPT', '- [6] FoldGPT'])
  const dir = scriptedRepo([
    {date: '2024-05-01T10:00:00Z', files: {[readme]: seedSource}, message: 'The list'},
    {date: '2024-05-02T10:00:00Z', files: {[readme]: renumbered}, message: 'Renumbered'},
    {date: '2024-05-03T10:00:00Z', files: {[readme]: replaced(renumbered, ['LaCo: Large Language Model Pruning', 'LaCo: Large Language Models Pruning'])}, branch: 'pr', message: 'The change'}
  ])
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('reads the base with its history as it reads the head: the resolved rows are the base\'s findings, not the change\'s', () => {
    const {status, stdout} = runScript('check.ts', ['--since', 'main'], {cwd: dir})
    expect(status).toBe(0)
    // The head's findings include the rows the history resolved; none of them is the change's.
    expect(stdout).toMatch(/FoldGPT/)
    expect(stdout).toMatch(/^Since main \([0-9a-f]{7}\): this change introduced 0 errors and 0 warnings; \d+ of the findings were already there\.$/m)
  })
})
