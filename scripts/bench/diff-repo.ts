import {execFileSync} from 'node:child_process'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

/**
 * A git repository for timing `npm run diff`: `main` has the README, and the working tree has it with one
 * paper inserted as [2], so that every later paper is renumbered and every table reference rewritten to
 * follow: the most a one-paper pull request can ask of the diff.
 */
export function diffRepo(dir: string, source: string): string {
  mkdirSync(dir, {recursive: true})
  const git = (...args: string[]) => execFileSync('git', args, {cwd: dir, stdio: 'ignore', env: {...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid'}})
  git('init', '--quiet', '--initial-branch=main')
  writeFileSync(join(dir, 'README.md'), source)
  git('add', 'README.md')
  git('commit', '--quiet', '-m', 'The list')
  writeFileSync(join(dir, 'README.md'), withPaperInserted(source))
  return dir
}

function withPaperInserted(source: string): string {
  const later = (text: string) => text.replace(/\[(\d+)\]/g, (ref, n: string) => (Number(n) >= 2 ? `[${Number(n) + 1}]` : ref))
  const renumbered = source
    .split('\n')
    .map((line) => (line.startsWith('| ') || /^- \[\d+\] /.test(line) ? later(line) : line))
    .join('\n')
  return renumbered.replace(/^- \[3\] /m, '- [2] An Inserted Paper: Timing the Diff\n  Arxiv, [Paper](https://arxiv.org/abs/2501.00001)\n- [3] ')
}
