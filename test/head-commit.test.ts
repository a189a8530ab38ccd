import {execFileSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, expect, test} from 'vitest'
import {HeadCommit} from '../src/history/head.ts'
import {scriptedRepo} from './helpers/git-repo.ts'

// The dev server asks which commit is checked out on every save. HeadCommit asks git only when a file git
// reads HEAD from has changed: these tests change HEAD every way a contributor does, and compare with git.

const path = process.env.PATH
afterEach(() => {
  process.env.PATH = path
})

function repository() {
  const root = scriptedRepo([
    {date: '2024-01-01T00:00:00Z', files: {'README.md': '# List\n'}},
    {date: '2024-02-01T00:00:00Z', files: {'README.md': '# List\n\nMore.\n'}}
  ])
  return {root, git: gitIn(root), readme: join(root, 'README.md')}
}

function gitIn(cwd: string) {
  return (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {cwd, encoding: 'utf8', env: {...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined}}).trim()
}

test('the commit it reads follows every change of HEAD: commit, amend, checkout, detached HEAD, pack-refs, reset', async () => {
  const {git, readme, root} = repository()
  const head = new HeadCommit(readme)
  const same = async () => expect(await head.read()).toBe(git('rev-parse', 'HEAD'))
  await same()
  await same()
  await same()
  writeFileSync(readme, '# List\n\nEdited.\n')
  await same()
  git('commit', '-q', '-am', 'edit')
  await same()
  git('commit', '-q', '--amend', '-m', 'amended')
  await same()
  git('checkout', '-q', 'HEAD~2')
  await same()
  git('checkout', '-q', '-b', 'other')
  await same()
  writeFileSync(join(root, 'more.md'), 'x\n')
  git('add', 'more.md')
  git('commit', '-q', '-m', 'more')
  await same()
  git('pack-refs', '--all')
  await same()
  git('commit', '-q', '--allow-empty', '-m', 'empty')
  await same()
  git('checkout', '-q', 'main')
  await same()
  git('reset', '-q', '--hard', 'HEAD~1')
  await same()
})

test('it follows a branch that is a symbolic ref to another: a commit there moves what HEAD means', async () => {
  const {git, readme} = repository()
  git('symbolic-ref', 'refs/heads/alias', 'refs/heads/main')
  git('symbolic-ref', 'HEAD', 'refs/heads/alias')
  const head = new HeadCommit(readme)
  const same = async () => expect(await head.read()).toBe(git('rev-parse', 'HEAD'))
  await same()
  await same()
  git('update-ref', 'refs/heads/main', 'HEAD~1')
  await same()
})

test('once it knows the commit, a save with no change to HEAD runs no git', async () => {
  const {git, readme} = repository()
  const head = new HeadCommit(readme)
  const commit = git('rev-parse', 'HEAD')
  expect(await head.read()).toBe(commit)
  expect(await head.read()).toBe(commit)
  // No git on the PATH: a read that spawned it would find no commit.
  process.env.PATH = ''
  expect(await head.read()).toBe(commit)
  writeFileSync(readme, '# Edited, not committed\n')
  expect(await head.read()).toBe(commit)
})

test('in a worktree, it reads the worktree\'s HEAD and the shared branch refs', async () => {
  const {git, root} = repository()
  const tree = `${root}-tree`
  git('worktree', 'add', '-q', '-b', 'side', tree)
  const head = new HeadCommit(join(tree, 'README.md'))
  const treeGit = gitIn(tree)
  const same = async () => expect(await head.read()).toBe(treeGit('rev-parse', 'HEAD'))
  await same()
  await same()
  treeGit('commit', '-q', '--allow-empty', '-m', 'on the side')
  await same()
  // A commit in the main checkout moves main, not the worktree's branch.
  git('commit', '-q', '--allow-empty', '-m', 'on main')
  await same()
  treeGit('reset', '-q', '--hard', 'main')
  await same()
})

test('outside a repository there is no commit', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'no-repo-'))
  const head = new HeadCommit(join(folder, 'README.md'))
  expect(await head.read()).toBeUndefined()
  expect(await head.read()).toBeUndefined()
})
