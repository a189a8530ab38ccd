import {afterAll, describe, expect, it} from 'vitest'
import {rmSync, writeFileSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {diffRevisions} from '../src/diff/revisions.ts'
import {formatJson} from '../src/diff/format-json.ts'
import {formatMarkdown} from '../src/diff/format-markdown.ts'
import {formatTerminal} from '../src/diff/format-terminal.ts'
import {scriptedRepo} from './helpers/git-repo.ts'
import {pullRequest, readme, removePullRequests} from './helpers/pull-request.ts'
import {runScript} from './helpers/project-script.ts'
import {seedSource} from './helpers/seed.ts'

/** The command itself: `npm run diff` in a repository, its arguments, its defaults and its failures. */
const repos: string[] = []
afterAll(() => {
  removePullRequests()
  for (const dir of repos) rmSync(dir, {recursive: true, force: true})
})

const withPaper = seedSource.replace('  Arxiv, [Paper](https://arxiv.org/pdf/2402.11187)\n', '  Arxiv, [Paper](https://arxiv.org/pdf/2402.11187)\n- [6] BlockPruner: Fine-grained Pruning for Large Language Models\n  Arxiv, [Paper](https://arxiv.org/abs/2406.10594)\n')
const retitled = withPaper.replace('ShortGPT:Layers', 'ShortGPT: Layers')

/** main: the seed. Branch pr: a paper added. Working tree: also a title fixed, not committed. */
function repo(): string {
  const dir = pullRequest(seedSource, withPaper)
  writeFileSync(join(dir, readme), retitled)
  return dir
}

function npmRunDiff(cwd: string, args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'diff', '--', ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: ''}})
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}

describe('npm run diff in a repository', () => {
  const dir = repo()

  it('by default compares the merge base with main against the working tree, and prints what the library computes', async () => {
    const {diff} = await diffRevisions({input: readme, cwd: dir})
    expect(diff.base).toMatchObject({rev: 'main', label: expect.stringMatching(/^merge base with main \([0-9a-f]{7}\)$/)})
    expect(diff.head).toEqual({rev: null, commit: null, label: 'working tree'})
    expect(diff.counts).toMatchObject({papersAdded: 1, papersChanged: 1})

    const json = npmRunDiff(dir, ['--json'])
    expect(json.status).toBe(0)
    expect(json.stdout).toBe(formatJson(diff))
    const markdown = npmRunDiff(dir, ['--markdown'])
    expect(markdown.stdout).toBe(formatMarkdown(diff))
    const terminal = npmRunDiff(dir, [])
    expect(terminal.stdout).toBe(formatTerminal(diff))
  })

  it('compares two revisions when given both, leaving the working tree out', () => {
    const {status, stdout} = runScript('diff.ts', ['main', 'pr', '--json'], {cwd: dir})
    expect(status).toBe(0)
    const diff = JSON.parse(stdout)
    expect(diff.head).toMatchObject({rev: 'pr', label: expect.stringMatching(/^pr \([0-9a-f]{7}\)$/)})
    expect(diff.counts).toMatchObject({papersAdded: 1, papersChanged: 0})
  })

  it('prints short, grouped lines for the terminal, colored only on a TTY', async () => {
    const {diff} = await diffRevisions({input: readme, cwd: dir})
    const plain = formatTerminal(diff)
    expect(plain.split('\n').slice(0, 1)).toEqual(['1 paper added, 1 changed, 1 finding introduced']) // the new paper is cited nowhere yet
    expect(plain).toContain('\nPapers:\n  + [6] BlockPruner (BlockPruner: Fine-grained Pruning for Large Language Models)  Papers, line 28\n  ~ [2] ShortGPT')
    expect(plain).not.toMatch(/\u001b\[/)
    expect(formatTerminal(diff, {color: true})).toMatch(/\u001b\[32m\+ \[6\] BlockPruner/)
  })

  it('says why, with exit code 2 and no stack trace, when a revision names no commit', () => {
    const {status, stderr} = runScript('diff.ts', ['no-such-branch'], {cwd: dir})
    expect(status).toBe(2)
    expect(stderr).toBe('error: no-such-branch names no commit in this repository\n')
  })
})

it('without main, master or origin/HEAD, asks for the base', () => {
  const dir = scriptedRepo([{date: '2024-05-01T10:00:00Z', files: {[readme]: seedSource}}])
  repos.push(dir)
  spawnSync('git', ['branch', '-m', 'main', 'trunk'], {cwd: dir})
  const {status, stderr} = runScript('diff.ts', [], {cwd: dir})
  expect(status).toBe(2)
  expect(stderr).toContain('found no default branch (origin/HEAD, main or master) to compare with; name the base: npm run diff -- BASE')
  expect(runScript('diff.ts', ['trunk'], {cwd: dir}).stdout).toMatch(/^No change to the list\n/)
})

it('treats a README the base did not have as an empty list: every paper is new', async () => {
  const dir = scriptedRepo([
    {date: '2024-05-01T10:00:00Z', files: {'other.md': 'x\n'}},
    {date: '2024-05-02T10:00:00Z', files: {[readme]: seedSource}, branch: 'pr'}
  ])
  repos.push(dir)
  const {diff} = await diffRevisions({input: readme, cwd: dir})
  expect(diff.counts.papersAdded).toBe(5)
  expect(diff.findings.introduced).toHaveLength(12)
})
