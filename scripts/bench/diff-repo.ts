import {execFileSync} from 'node:child_process'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

/**
 * What a pull request does to the list, for timing `npm run diff`:
 * - `append`: one paper added after the last, the everyday pull request;
 * - `insert`: one paper inserted as [2], every later paper renumbered and every table reference rewritten to
 *   follow, the most a one-paper pull request can ask of the diff.
 */
export type DiffChange = 'append' | 'insert'

/** A git repository whose `main` has the README as README.md, and whose working tree has it changed. */
export function diffRepo(dir: string, source: string, change: DiffChange): string {
  mkdirSync(dir, {recursive: true})
  const git = (...args: string[]) => execFileSync('git', args, {cwd: dir, stdio: 'ignore', env: {...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid'}})
  git('init', '--quiet', '--initial-branch=main')
  writeFileSync(join(dir, 'README.md'), source)
  git('add', 'README.md')
  git('commit', '--quiet', '-m', 'The list')
  writeFileSync(join(dir, 'README.md'), change === 'insert' ? withPaperInserted(source) : withPaperAppended(source))
  return dir
}

const entry = (n: number) => `- [${n}] An Added Paper: Timing the Diff\n  Arxiv, [Paper](https://arxiv.org/abs/2501.00001)\n`

export function withPaperInserted(source: string): string {
  const later = (text: string) => text.replace(/\[(\d+)\]/g, (ref, n: string) => (Number(n) >= 2 ? `[${Number(n) + 1}]` : ref))
  const renumbered = source
    .split('\n')
    .map((line) => (line.startsWith('| ') || /^- \[\d+\] /.test(line) ? later(line) : line))
    .join('\n')
  return renumbered.replace(/^- \[3\] /m, `${entry(2)}- [3] `)
}

function withPaperAppended(source: string): string {
  const numbers = [...source.matchAll(/^- \[(\d+)\] /gm)].map((match) => Number(match[1]))
  const last = Math.max(...numbers)
  // After the last entry's lines, before the blank line that ends the Papers section.
  const at = source.indexOf('\n\n', source.indexOf(`- [${last}] `)) + 1
  return `${source.slice(0, at)}${entry(last + 1)}${source.slice(at)}`
}
