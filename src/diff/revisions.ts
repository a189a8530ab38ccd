import {readFile} from 'node:fs/promises'
import {relative, resolve} from 'node:path'
import {Git} from './git.ts'
import {compareLists, type Compared} from './compare.ts'
import {analyzeVersion, analyzeVersionAt, type Version} from './version.ts'
import type {Side} from './types.ts'

export interface DiffOptions {
  /** The README, as a path from `cwd`. */
  input: string
  /** A git revision; by default the merge base of HEAD with the default branch. */
  base?: string | undefined
  /** A git revision; by default the working tree. */
  head?: string | undefined
  cwd?: string
  /** The head already analyzed (the check has it): used instead of reading the working tree again. */
  headVersion?: Version
  /** Resolve the base's stale references through its history, as the check resolves the head's (the check's own comparison). */
  history?: boolean
}

export interface RevisionDiff extends Compared {
  head: Version
  /** The head's lines the change touched (one more `git diff`, so only when asked). */
  changedLines(): Set<number>
}

/** Reads the README at both revisions (`git cat-file`), analyzes each as the check does, and compares them. */
export async function diffRevisions(options: DiffOptions): Promise<RevisionDiff> {
  const cwd = options.cwd ?? process.cwd()
  const git = new Git(cwd)
  // Outside a repository, say so rather than that no default branch was found.
  git.run(['rev-parse', '--git-dir'])
  const path = relative(cwd, resolve(cwd, options.input)).split('\\').join('/')
  const shown = path === '' || path.startsWith('..') ? resolve(cwd, options.input) : path

  const headCommit = options.head === undefined ? undefined : need(git, options.head)
  const base = options.base === undefined ? git.defaultBase(headCommit ?? 'HEAD') : {rev: options.base, commit: need(git, options.base)}
  const baseSide: Side = {rev: base.rev, commit: base.commit, label: options.base === undefined ? `merge base with ${base.rev} (${base.commit.slice(0, 7)})` : label(base.rev, base.commit)}
  const headSide: Side = options.head === undefined ? {rev: null, commit: null, label: 'working tree'} : {rev: options.head, commit: headCommit!, label: label(options.head, headCommit!)}

  // A README the base does not have yet is an empty list: everything in the head is new.
  const baseText = git.show(base.commit, path)
  const baseVersion = options.history && baseText !== undefined ? await analyzeVersionAt(shown, baseText, resolve(cwd, options.input), base.commit) : analyzeVersion(shown, baseText ?? '')
  const headVersion =
    options.headVersion ??
    analyzeVersion(shown, headCommit ? (git.show(headCommit, path) ?? missing(options.input, options.head!)) : await readFile(resolve(cwd, options.input), 'utf8'))
  const compared = compareLists(baseVersion, headVersion, {file: shown, base: baseSide, head: headSide})
  return {...compared, head: headVersion, changedLines: () => git.changedLines(base.commit, headCommit, path)}
}

/** `main (1a2b3c4)`; a commit id alone, as CI passes the pull request's base, is shown short: `1a2b3c4`. */
function label(rev: string, commit: string): string {
  return commit.startsWith(rev.toLowerCase()) ? commit.slice(0, 7) : `${rev} (${commit.slice(0, 7)})`
}

function need(git: Git, rev: string): string {
  const commit = git.commit(rev)
  if (!commit) throw new Error(`${rev} names no commit in this repository`)
  return commit
}

function missing(input: string, rev: string): never {
  throw new Error(`${input} is not in ${rev}`)
}
