import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {execFileSync, spawnSync} from 'node:child_process'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {cli} from '../scripts/shared/cli.ts'
import {build} from '../src/build.ts'
import {referencesFromHistory} from '../src/history/references.ts'
import {parsePorcelain} from '../src/history/blame.ts'
import {seed} from './helpers/seed.ts'
import {storyMeant, storyReadme, storyRepo, storyVersions} from './helpers/stale-story.ts'
import {scriptedRepo} from './helpers/git-repo.ts'
import {linksOf, meantLinks} from './helpers/links-of.ts'

/**
 * Issue 11: tables written while the list was numbered globally, never rewritten while papers were inserted
 * and the numbering restarted in each subsection. The list's git history says what each number meant.
 */
const tmp = mkdtempSync(join(tmpdir(), 'site-stale-'))
const repo = storyRepo(join(tmp, 'repo'))
const readme = join(repo, 'README.md')
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** `npm run check` as it runs: the compiled command (tsx compiled scripts/check.ts and its imports anew in each child, ~2 s). */
function check(file: string) {
  const run = spawnSync(...cli('check', file), {encoding: 'utf8', env: {...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: ''}})
  const findings = run.stdout.split('\n').flatMap((line) => {
    const match = /^.+?:(\d+):(\d+) {2}(error|warning) {2}(.+) {2}([a-z-]+)$/.exec(line)
    return match ? [{at: `${match[1]}:${match[2]}`, severity: match[3]!, reason: match[4]!, rule: match[5]!}] : []
  })
  return {status: run.status, stdout: run.stdout, findings}
}

/** Where each stale number sits in today's README: line 38 is `| LLaMA2-7B | [2],[4] |`, and so on. */
const staleCells = ['38:15', '38:19', '39:14', '39:18', '40:13', '41:16', '41:20', '42:15', '42:19', '49:11', '49:15', '49:19', '50:15']

describe('a build of the list with its history', () => {
  let site: string
  beforeAll(async () => {
    site = join(tmp, 'site')
    const result = await build({input: readme, out: site})
    expect(result.files[0]!.messages.filter((m) => m.fatal).map((m) => m.reason)).toEqual([])
    expect(result.written).toBe(true)
  })

  it('links every reference to the paper it meant when its row was written', () => {
    const graph = JSON.parse(readFileSync(join(site, 'graph.json'), 'utf8'))
    expect(linksOf(graph)).toEqual(meantLinks(storyMeant))
  })

  it('reports reference-stale at the exact cells, with the fix, and no reference errors', () => {
    const {status, findings} = check(readme)
    expect(status).toBe(0)
    expect(findings.filter((f) => f.rule.startsWith('reference-') && f.rule !== 'reference-stale')).toEqual([])
    const stale = findings.filter((f) => f.rule === 'reference-stale')
    expect(stale.map((f) => f.at)).toEqual(staleCells)
    // Each place is the cell's `[N]` itself.
    const lines = storyReadme.split('\n')
    for (const {at, reason} of stale) {
      const [line, column] = at.split(':').map(Number) as [number, number]
      const number = /^Reference (\[\d+\])/.exec(reason)![1]!
      expect(lines[line - 1]!.slice(column - 1).startsWith(number), at).toBe(true)
    }
    expect(stale[0]!.reason).toBe('Reference [2] in `LLaMA2-7B` is stale: [2] was "ShortGPT: Layers in Large Language Models are More Redund…" when the row was last changed (commit ' + shortHash(repo, 'HEAD~2') + ', 2024-01-15); that paper is [2] now (line 11), and the site links it; write [2403.03853]')
    // SparseGPT has no arXiv id; its number today is its own.
    expect(stale.find((f) => f.at === '40:13')!.reason).toMatch(/\[3\] was "SparseGPT: .*that paper is \[6\] now \(line 32\), and the site links it; write \[6\]$/)
    // A number that names one paper today, but another when its row was written, is stale too.
    expect(stale.find((f) => f.at === '42:19')!.reason).toContain('[6] was "LaCo: Large Language Model Pruning via Layer Collapse" when the row was last changed (commit ' + shortHash(repo, 'HEAD~1') + ', 2024-03-20)')
  })
})

it('follows the README through a rename: the old versions are read at the path they had', () => {
  const moved = scriptedRepo(
    [
      ...storyVersions.map((text, n) => ({date: `2024-0${n + 1}-01T00:00:00Z`, files: {'README.md': text}})),
      {date: '2024-07-01T00:00:00Z', files: {}, rename: ['README.md', 'content/README.md'] as [string, string], message: 'Move the list into content/'}
    ],
    join(tmp, 'moved')
  )
  const {status, findings} = check(join(moved, 'content/README.md'))
  expect(status).toBe(0)
  expect(findings.filter((f) => f.rule === 'reference-stale').map((f) => f.at)).toEqual(staleCells)
})

describe('the same README without the history that resolves it', () => {
  it('a copy outside git still reports the ambiguity errors, and says why history could not help', () => {
    const copy = join(tmp, 'copy.md')
    copyFileSync(readme, copy)
    const {status, findings} = check(copy)
    expect(status).toBe(1)
    const errors = findings.filter((f) => f.severity === 'error')
    expect(errors.map((f) => `${f.at} ${f.rule}`)).toEqual([
      '38:15 reference-ambiguous', '38:19 reference-ambiguous', '39:14 reference-ambiguous', '39:18 reference-ambiguous', '40:13 reference-ambiguous',
      '41:16 reference-ambiguous', '41:20 reference-unresolved', '42:15 reference-ambiguous', '49:11 reference-ambiguous', '49:15 reference-ambiguous',
      '49:19 reference-ambiguous', '50:15 reference-ambiguous'
    ])
    for (const error of errors) expect(error.reason).toContain("(the list's history cannot tell which paper the row meant: the list is not in a git repository)")
  })

  it('a shallow clone names itself once, with the command that fetches the history', () => {
    const shallow = join(tmp, 'shallow')
    execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${repo}`, shallow], {env: {...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null'}})
    const {status, stdout, findings} = check(join(shallow, 'README.md'))
    expect(status).toBe(1)
    expect(stdout.match(/git fetch --unshallow/g)).toHaveLength(1)
    const notice = findings.filter((f) => f.rule === 'history-shallow')
    expect(notice).toEqual([{at: '38:15', severity: 'warning', rule: 'history-shallow', reason: expect.stringMatching(/^This is a shallow clone: .*; run `git fetch --unshallow` \(in a GitHub workflow, give `actions\/checkout` `fetch-depth: 0`\), then check again$/)}])
    const errors = findings.filter((f) => f.severity === 'error')
    expect(errors).toHaveLength(12)
    for (const error of errors) expect(error.reason).toContain('this clone is shallow, so the commit that wrote this row was not fetched')
  })
})

describe('a row being edited', () => {
  it('is read against today\'s numbering: an ambiguous number in it is today\'s error, with no word about the history', () => {
    const edited = storyRepo(join(tmp, 'edited'))
    const file = join(edited, 'README.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('| Gemma-2B | [6] |', '| Gemma-2B | [6] |\n| Qwen-7B | [1] |'))
    const {status, findings} = check(file)
    expect(status).toBe(1)
    expect(findings.filter((f) => f.severity === 'error')).toEqual([{at: '44:13', severity: 'error', rule: 'reference-ambiguous', reason: expect.not.stringContaining('history')}])
    expect(findings.filter((f) => f.rule === 'reference-stale').map((f) => f.at)).toEqual(staleCells.map((at) => (Number(at.split(':')[0]) > 43 ? `${Number(at.split(':')[0]) + 1}:${at.split(':')[1]}` : at)))
  })
})

describe('when the history cannot decide either', () => {
  const entry = (n: number, title: string, id: string) => `- [${n}] ${title}\n  Arxiv, [Paper](https://arxiv.org/abs/${id})\n`
  const list = (papers: string, row: string) => `# List\n\n## Papers\n\n${papers}\n## Models\n| Name | Paper |\n|---|---|\n${row}\n`
  const one = entry(1, 'Paper One: Pruning Things', '2401.00001')
  const two = entry(1, 'Paper Two: Pruning More Things', '2401.00002')
  const three = entry(2, 'Paper Three: Pruning Everything', '2401.00003')

  it('keeps the error, and says that [N] named several papers even then, or that the paper it named has left the list', () => {
    const root = scriptedRepo([
      // Numbered per subsection from the start: [1] was ambiguous when the row was written.
      {date: '2024-01-01T00:00:00Z', files: {'README.md': list(`### A\n${one}\n### B\n${two}${three}`, '| LLaMA2-7B | [1], [2] |')}},
      // Paper Three leaves; a new paper takes [2] in A, and [2] is now ambiguous too.
      {date: '2024-02-01T00:00:00Z', files: {'README.md': list(`### A\n${one}${entry(2, 'Paper Four: Pruning Less', '2401.00004')}\n### B\n${two}${entry(2, 'Paper Five: Pruning More', '2401.00005')}`, '| LLaMA2-7B | [1], [2] |')}}
    ], join(tmp, 'undecided'))
    const {status, findings} = check(join(root, 'README.md'))
    expect(status).toBe(1)
    const errors = findings.filter((f) => f.severity === 'error')
    expect(errors.map((f) => `${f.at} ${f.rule}`)).toEqual(['20:15 reference-ambiguous', '20:20 reference-ambiguous'])
    expect(errors[0]!.reason).toMatch(/\(the list's history cannot tell which paper the row meant: \[1\] was carried by 2 papers when the row was last changed \(commit [0-9a-f]{7}, 2024-01-01\) too\); /)
    expect(errors[1]!.reason).toMatch(/\(the list's history cannot tell which paper the row meant: the paper it named when the row was last changed \(commit [0-9a-f]{7}, 2024-01-01\), "Paper Three: Pruning Everything", has since left the list\); /)
  })
})

describe('a list in several files', () => {
  it('reads the history of its first file only: a table in another file is not read against the README\'s old numbers', () => {
    // Written in June against June's numbering, where [2] is two papers: nothing in the README's history says which.
    const more = ['# More', '', '## Benchmarks', '| Name | Paper |', '|------|-------|', '| C4 | [2] |', ''].join('\n')
    const root = scriptedRepo(
      [
        ...storyVersions.slice(0, 2).map((text, n) => ({date: `2024-0${2 * n + 1}-15T00:00:00Z`, files: {'README.md': text}})),
        {date: '2024-06-10T00:00:00Z', files: {'README.md': storyVersions[2]!, 'more.md': more}}
      ],
      join(tmp, 'two-files')
    )
    const run = spawnSync(...cli('check', '--input', join(root, 'README.md'), '--input', join(root, 'more.md')), {encoding: 'utf8', env: {...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: ''}})
    const inMore = run.stdout.split('\n').filter((line) => line.includes('more.md:'))
    // Line 6 of the README is a line of its first version, where [2] was ShortGPT: read there, the row would
    // link ShortGPT as if the history had said so.
    expect(inMore.filter((line) => line.includes('reference-'))).toEqual([
      expect.stringMatching(/more\.md:6:8 {2}error {2}Reference \[2\] in `C4` is ambiguous: 2 papers carry it: .*\(the list's history cannot tell which paper the row meant: this row is in another file, and only the history of \S*README\.md, the list's first file, is read\); .* {2}reference-ambiguous$/)
    ])
    expect(run.status).toBe(1)
  })
})

describe('reading the history', () => {
  it('reads no git at all when every reference names one paper today', async () => {
    const {raw, graph} = seed()
    // A README path where no git could answer: had it asked, it would have had a reason to give.
    expect(await referencesFromHistory(join(tmp, 'nowhere', 'README.md'), '', raw, graph)).toBeUndefined()
  })

  it('takes a line of the README that looks like a blame header for the content it is', () => {
    const forged = 'a'.repeat(40) + ' 1 1 1'
    const commit = 'b'.repeat(40)
    const output = [`${commit} 1 1 2`, 'committer-time 1705312800', 'filename README.md', `\t${forged}`, `${commit} 2 2`, `\t${'c'.repeat(40)} 9 9`, ''].join('\n')
    const lines = parsePorcelain(output)
    expect([...lines.keys()]).toEqual([1, 2])
    expect(lines.get(1)).toEqual({commit, path: 'README.md', date: '2024-01-15T10:00:00Z', boundary: false})
    expect(lines.get(2)?.commit).toBe(commit)
  })

  it('reads a path git quoted, so an old version of a renamed file is found', () => {
    const commit = 'd'.repeat(40)
    const lines = parsePorcelain([`${commit} 3 1 1`, 'filename "docs/caf\\303\\251 \\"list\\".md"', 'boundary', '\t| row |', ''].join('\n'))
    expect(lines.get(1)).toMatchObject({commit, path: 'docs/café "list".md', boundary: true})
  })
})

function shortHash(cwd: string, rev: string): string {
  return execFileSync('git', ['rev-parse', '--short=7', rev], {cwd, encoding: 'utf8'}).trim()
}
