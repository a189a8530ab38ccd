import {afterAll, describe, expect, it} from 'vitest'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {cli} from '../scripts/shared/cli.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-summary-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** `npm run check` as it runs: the compiled command (tsx compiled scripts/check.ts and its imports anew in each child, ~2 s). */
function check(file: string, ...flags: string[]) {
  const run = spawnSync(...cli('check', file, ...flags), {encoding: 'utf8', env: {...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: ''}})
  return {status: run.status, lines: run.stdout.trimEnd().split('\n')}
}

/**
 * A list copied from an entry template: 75 papers, each with an empty `- Label:` and `- Summary:` (150
 * placeholder lines), the first 60 cited in a table, and two real mistakes.
 */
const papers = Array.from({length: 75}, (_, n) => `- [${n + 1}] Paper ${n + 1}: Pruning Things\n  Arxiv, [Paper](https://arxiv.org/abs/2401.${String(n + 1).padStart(5, '0')})\n  - Label:\n  - Summary:\n`)
const cited = Array.from({length: 60}, (_, n) => `[${n + 1}]`).join(', ')
const readme = `# List\n\n## Papers\n\n${papers.join('')}\n## Models\n| Name | Paper |\n|---|---|\n| LLaMA2-7B | ${cited} |\n| OPT-13B | [99] |\n| Gemma-2B | [98] |\n`

describe('the check on a README with 150 empty placeholder lines', () => {
  const file = join(tmp, 'README.md')
  writeFileSync(file, readme)

  it('fits on one screen: one line for the placeholders, one for the uncited papers, every error on its own', () => {
    const {status, lines} = check(file)
    expect(status).toBe(1)
    expect(lines.length).toBeLessThanOrEqual(25)
    expect(lines).toContain(`${file}:7:5  warning  150 \`Summary:\`/\`Label:\` placeholders are not filled in yet (lines 7, 8, 11, 12, 15 and 145 more; \`--verbose\` lists every one); fill them in when you can, or delete them  paper-field-empty`)
    expect(lines.filter((line) => line.includes('paper-unreferenced'))).toEqual([
      `${file}:245:3  warning  15 papers are not cited in any table (lines 245, 249, 253, 257, 261 and 10 more; \`--verbose\` lists every one); add their numbers or arXiv ids to the rows of the models, datasets and methods they use  paper-unreferenced`
    ])
    expect(lines.filter((line) => line.includes('  error  '))).toHaveLength(2)
    expect(lines.at(-1)).toBe('✖ 2 errors, 165 warnings (165 of them in 2 summary lines; --verbose lists each)')
  })

  it('lists every one with --verbose', () => {
    const {lines} = check(file, '--verbose')
    expect(lines.filter((line) => line.endsWith('  paper-field-empty'))).toHaveLength(150)
    expect(lines.filter((line) => line.endsWith('  paper-unreferenced'))).toHaveLength(15)
    expect(lines.at(-1)).toBe('✖ 2 errors, 165 warnings')
  })
})
