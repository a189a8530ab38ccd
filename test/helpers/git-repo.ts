import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'

export interface Commit {
  /** ISO 8601, used as both author and committer date. */
  date: string
  /** Path in the repository → content. */
  files: Record<string, string>
  message?: string
  /** Rename before writing the files: [from, to]. */
  rename?: [string, string]
  /** Start this branch here, and commit on it. */
  branch?: string
}

/** A throwaway git repository whose history is the given commits, dated as they say. Returns its folder. */
export function scriptedRepo(commits: Commit[], root = mkdtempSync(join(tmpdir(), 'site-history-')), options: {objectFormat?: 'sha1' | 'sha256'} = {}): string {
  const git = (args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        GIT_DIR: undefined,
        GIT_WORK_TREE: undefined,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.invalid',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.invalid',
        ...(date ? {GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date} : {})
      }
    })
  mkdirSync(root, {recursive: true})
  git(['init', '--quiet', '--initial-branch=main', `--object-format=${options.objectFormat ?? 'sha1'}`])
  for (const commit of commits) {
    if (commit.branch) git(['checkout', '--quiet', '-b', commit.branch])
    if (commit.rename) {
      mkdirSync(dirname(join(root, commit.rename[1])), {recursive: true})
      git(['mv', commit.rename[0], commit.rename[1]])
    }
    for (const [path, content] of Object.entries(commit.files)) {
      mkdirSync(dirname(join(root, path)), {recursive: true})
      writeFileSync(join(root, path), content)
      git(['add', path])
    }
    git(['commit', '--quiet', '-m', commit.message ?? `Update at ${commit.date}`], commit.date)
  }
  return root
}
