import {afterAll, describe, expect, it} from 'vitest'
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {execFileSync, spawnSync} from 'node:child_process'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {build} from '../src/build.ts'
import {graphJson} from '../src/render/graph-json.ts'
import {analyzeText, completed, seedPath, seedSource} from './helpers/seed.ts'
import {storyMeant, storyRepo} from './helpers/stale-story.ts'
import {linksOf, meantLinks} from './helpers/links-of.ts'
import {cli} from '../scripts/shared/cli.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-fix-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** `npm run fix -- FILE [flags]`, as a maintainer runs it: the compiled script, started by plain node. */
function fix(file: string, ...flags: string[]) {
  const run = spawnSync(...cli('fix', file, ...flags), {encoding: 'utf8'})
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}

function check(file: string) {
  const run = spawnSync(...cli('check', file), {encoding: 'utf8', env: {...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: ''}})
  return {status: run.status, stdout: run.stdout}
}

/** What a build links, without the README's history: a copy outside git. */
async function linksWithoutHistory(readme: string): Promise<Record<string, string[]>> {
  const copy = join(mkdtempSync(join(tmp, 'copy-')), 'README.md')
  copyFileSync(readme, copy)
  const result = await build({input: copy, out: join(tmp, 'unused'), checkOnly: true})
  return linksOf(result.graph!)
}

describe('npm run fix on the list whose tables outlived its numbering', () => {
  const repo = storyRepo(join(tmp, 'story'))
  const readme = join(repo, 'README.md')
  const original = readFileSync(readme, 'utf8')

  it('--dry-run prints a unified diff that git applies, and writes nothing', () => {
    const {status, stdout} = fix(readme, '--dry-run')
    expect(status).toBe(0)
    expect(readFileSync(readme, 'utf8')).toBe(original)
    const diff = stdout.slice(0, stdout.indexOf('\n\n') + 1)
    expect(diff).toMatch(/^--- a\/.*README\.md\n\+\+\+ b\/.*README\.md\n@@ -35,16 \+35,16 @@\n/)
    expect(diff).toContain('\n-| LLaMA2-7B | [2],[4] |\n')
    expect(diff).toContain('\n+| LLaMA2-7B | [2403.03853],[2402.11187] |\n')
    writeFileSync(join(tmp, 'dry.diff'), diff.replace(/^(---|\+\+\+) ([ab])\/.*README\.md$/gm, '$1 $2/README.md'))
    execFileSync('git', ['apply', '--check', join(tmp, 'dry.diff')], {cwd: repo})
    expect(stdout).toContain('Dry run: 14 changes to')
  })

  it('rewrites every stale number to what it meant, prints each change on its line, and leaves no reference-* finding', () => {
    const before = linksWithoutHistory(readme)
    const {status, stdout} = fix(readme)
    expect(status).toBe(0)
    const changes = stdout.slice(0, stdout.indexOf('Left for a person:')).split('\n').filter((line) => /README\.md:\d+:\d+ {2}/.test(line)).map((line) => line.replace(/^.*README\.md:/, ''))
    expect(changes).toEqual([
      '38:15  [2] → [2403.03853] in `LLaMA2-7B`  reference-stale',
      '38:19  [4] → [2402.11187] in `LLaMA2-7B`  reference-stale',
      '39:14  [1] → [2402.02834] in `LLaMA-7B`  reference-stale',
      '39:18  [3] → [6] in `LLaMA-7B`  reference-stale',
      '40:13  [3] → [6] in `OPT-13B`  reference-stale',
      '41:16  [4] → [2407.00928] in `Mixtral-7B`  reference-stale',
      '41:20  [7] → [2406.16330] in `Mixtral-7B`  reference-stale',
      '42:15  [2] → [2306.11695] in `LLaMA3-8B`  reference-stale',
      '42:19  [6] → [2402.11187] in `LLaMA3-8B`  reference-stale',
      '49:11  [1] → [2402.02834] in `BoolQ`  reference-stale',
      '49:15  [2] → [2403.03853] in `BoolQ`  reference-stale',
      '49:19  [4] → [2402.11187] in `BoolQ`  reference-stale',
      '50:15  [3] → [6] in `WikiText2`  reference-stale',
      '50:18  deleted the stray comma after the last reference of `WikiText2`  trailing-comma'
    ])
    expect(stdout).toContain('Left for a person:')
    // Only the tables changed.
    const after = readFileSync(readme, 'utf8')
    expect(after.slice(0, after.indexOf('## Models'))).toBe(original.slice(0, original.indexOf('## Models')))
    const {stdout: checked} = check(readme)
    expect(checked).not.toMatch(/ reference-[a-z]+$/m)
    return before.then((links) => expect(links).not.toEqual(meantLinks(storyMeant)))
  })

  it('makes a build without the history link exactly what the history-aware build linked', async () => {
    expect(await linksWithoutHistory(readme)).toEqual(meantLinks(storyMeant))
    const withHistory = await build({input: readme, out: join(tmp, 'unused'), checkOnly: true})
    expect(linksOf(withHistory.graph!)).toEqual(meantLinks(storyMeant))
  })

  it('changes nothing on a second run, before or after the fix is committed', () => {
    const fixed = readFileSync(readme, 'utf8')
    expect(fix(readme).stdout).toContain('nothing to fix')
    expect(readFileSync(readme, 'utf8')).toBe(fixed)
    execFileSync('git', ['commit', '--quiet', '-am', 'npm run fix'], {cwd: repo, env: {...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid'}})
    expect(fix(readme).stdout).toContain('nothing to fix')
    expect(readFileSync(readme, 'utf8')).toBe(fixed)
  })
})

describe('npm run fix on the seed', () => {
  it('deletes exactly the five trailing commas; check then reports 7 warnings, and the graph is unchanged', () => {
    const file = join(tmp, 'seed.md')
    copyFileSync(seedPath, file)
    const {status, stdout} = fix(file)
    expect(status).toBe(0)
    const after = readFileSync(file, 'utf8')
    const commas = ['|   [1],[3],  |', '|    [1],[2],[3],[4], |', '|   [1],[3],  |', '|   [1],[3],  |', '|   [1],[3],   |']
    let expected = seedSource
    let from = 0
    for (const cell of commas) {
      const at = expected.indexOf(cell, from)
      const comma = at + cell.lastIndexOf(',')
      expected = expected.slice(0, comma) + expected.slice(comma + 1)
      from = at + cell.length - 1
    }
    expect(after).toBe(expected)
    expect(stdout.split('\n').filter((line) => line.endsWith('  trailing-comma'))).toHaveLength(5)
    expect(check(file).stdout.trimEnd().split('\n').at(-1)).toBe('⚠ 0 errors, 7 warnings')
    expect(graphJson(completed(analyzeText(after).graph!))).toBe(graphJson(completed(analyzeText(seedSource).graph!)))
  })
})

describe('what npm run fix never guesses', () => {
  const readme = `# List

## Papers

- [1] Paper One: Pruning Things
  Arxiv, [Paper](https://arxiv.org/abs/2401.00001)
  - Label: Depth Pruning,
- [2] Paper Two: Pruning More Things
  Arxiv, [Paper](https://arxiv.org/abs/2401.00002)

## Models
| Name | Paper |
|------|-------|
| LLaMA2-7B | [1] |
| OPT-13B | [1] |
| LLaMA2-7B | [2], [1], |
| LLaMaA2-13B | [2] |
| opt-13b | [2] |
`

  it('merges rows written the same way, deletes stray commas, and leaves look-alikes and differently spelt names to a person', () => {
    const file = join(tmp, 'guesses.md')
    writeFileSync(file, readme)
    const {status, stdout} = fix(file)
    expect(readFileSync(file, 'utf8')).toBe(
      readme.replace('Depth Pruning,', 'Depth Pruning').replace('| LLaMA2-7B | [1] |', '| LLaMA2-7B | [1], [2] |').replace('| LLaMA2-7B | [2], [1], |\n', '')
    )
    expect(stdout).toContain(':7:25  deleted the stray comma at the end of the `Label` line  trailing-comma')
    expect(stdout).toContain(':14:18  added [2] from line 16 to `LLaMA2-7B`  row-duplicate-name')
    expect(stdout).toContain(':16:1  merged the second `LLaMA2-7B` row into line 14  row-duplicate-name')
    // `opt-13b` may or may not be `OPT-13B`, and `LLaMaA2-13B` may be a typo: a person decides.
    expect(status).toBe(1)
    const left = stdout.slice(stdout.indexOf('Left for a person:'))
    expect(left).toMatch(/:17:3 {2}error {2}`opt-13b` is already in this table \(line 15\).* row-duplicate-name/)
    expect(left).toMatch(/:16:3 {2}warning {2}Model `LLaMaA2-13B` looks like `LLaMA2-7B`.* name-similar/)
    expect(fix(file).stdout).toContain('nothing to fix')
  })
})
