import {spawn} from 'node:child_process'
import {existsSync, realpathSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {basename, dirname, isAbsolute, join, resolve} from 'node:path'
import {commitFormat, LogParser, quotePath, type FileCommit} from './log-parser.ts'

export type {FileCommit} from './log-parser.ts'
export type FileLog = {ok: true; commits: FileCommit[]} | {ok: false; reason: string}

/**
 * The log's options. The user's and the repository's settings must not change what git prints: these pin
 * every one that would (signatures, notes, colour, prefixes, relative paths, external diffs, text
 * conversion). `--text` reads a README that holds a NUL, which git would otherwise call binary.
 */
export const logArguments = [
  ...['-c', 'core.quotepath=off', '-c', 'diff.renames=true', '-c', 'diff.suppressBlankEmpty=false', '-c', 'log.showSignature=false'],
  ...['log', '--follow', '--no-color', '--no-ext-diff', '--no-textconv', '--text', '--no-notes', '--no-relative', '--src-prefix=a/', '--dst-prefix=b/'],
  ...['-p', '--unified=0', `--format=${commitFormat}`]
]

/**
 * Every commit that changed `file`, newest first, following renames, with the lines each one added.
 * One `git log -p` over the file's history: linear in the history, whatever the list's size.
 * Never throws: no git, no repository or no commit is a reason the site can state.
 */
export async function readFileLog(file: string): Promise<FileLog> {
  const cwd = dirname(file)
  const where = await repository(file)
  if ('reason' in where) return {ok: false, reason: where.reason}
  const {prefix, shallow} = where
  const path = `${prefix}${basename(file)}`
  const parser = new LogParser(quotePath(path), await shallowCommits(cwd, shallow))
  const log = await git(cwd, [...logArguments, '--', basename(file)], (chunk) => parser.push(chunk))
  if (!log.ok) return {ok: false, reason: `git log failed: ${log.stderr.trim().split('\n')[0] ?? ''}`}
  const read = parser.end()
  if (!read.ok) return read
  if (read.commits.length === 0) return {ok: false, reason: 'the list has no commits yet'}
  return read
}

/**
 * The commit checked out in the repository that holds `file`, or undefined outside one (or before its
 * first commit): what the committed history depends on, so a process that keeps it reads it again
 * only when this changes. With it, from the same git call, the repository's own folder (a worktree's, for
 * a worktree) and the one its refs are kept in.
 */
export async function checkedOut(file: string): Promise<{head: string | undefined; dirs?: {git: string; common: string}}> {
  const where = await locate(dirname(file))
  return 'reason' in where || where.head === undefined ? {head: undefined} : {head: where.head, dirs: where.dirs}
}

/** Where the repository that holds `file` is, as git says (memoised per folder), or why there is none. */
export async function repository(file: string): Promise<Place | {reason: string}> {
  const cwd = dirname(file)
  const known = places.get(cwd)
  return known && nearestRepository(cwd) === known.top ? known : locate(cwd)
}

/**
 * The folder, from `folder` up, that holds a `.git` (a repository's, or a worktree's or submodule's file):
 * where git's own search stops. Its real path, as git gives the top.
 */
export function nearestRepository(folder: string): string | undefined {
  let at: string
  try {
    at = realpathSync(folder)
  } catch {
    return undefined
  }
  for (; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at
    if (at === dirname(at)) return undefined
  }
}

/** Where a folder's repository is: its top, the folder's path from there, git's own folders, and its checked-out commit. */
export interface Place {
  top: string
  prefix: string
  /** git's path to the list of a shallow clone's edge commits ('' when git gave none). */
  shallow: string
  dirs: {git: string; common: string}
  head: string | undefined
}

/**
 * What the git calls of one process learnt of where each folder's repository is, kept while the nearest
 * `.git` above the folder is still at that top. Its checked-out commit changes, so `checkedOut` asks git
 * again every time. Only answers are kept: a folder that is not in a repository yet may be in one later.
 */
const places = new Map<string, Place>()

/**
 * One git call for every answer, a line each: each call is a process started and waited for, some 10 ms
 * here. Before the first commit, `--verify HEAD` fails after the other lines were written.
 */
async function locate(cwd: string): Promise<Place | {reason: string}> {
  const read = await git(cwd, ['rev-parse', '--show-toplevel', '--show-prefix', '--git-path', 'shallow', '--git-dir', '--git-common-dir', '--verify', '--quiet', 'HEAD'])
  if (!read.ok && read.missing) return {reason: 'git is not installed'}
  const [top = '', prefix = '', shallow = '', gitDir = '', common = '', head = ''] = read.stdout.split('\n')
  if (top === '' || gitDir === '' || common === '') return {reason: 'the list is not in a git repository'}
  const place: Place = {top, prefix, shallow, dirs: {git: resolve(cwd, gitDir), common: resolve(cwd, common)}, head: read.ok && head !== '' ? head : undefined}
  places.set(cwd, place)
  return place
}

/** The commits at the edge of a shallow clone, whose parents were not fetched; `file` is git's path to its list of them. */
async function shallowCommits(cwd: string, file: string): Promise<Set<string>> {
  if (file === '') return new Set()
  const text = await readFile(isAbsolute(file) ? file : join(cwd, file), 'utf8').catch(() => '')
  return new Set(text.split('\n').filter((line) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(line)))
}

type GitResult = {ok: true; stdout: string} | {ok: false; missing: boolean; stderr: string; stdout: string}

/**
 * Runs git, streaming stdout's bytes to `onData` when given (a long history need not fit in one buffer).
 * A failed call's stdout is kept too.
 */
function git(cwd: string, args: string[], onData?: (chunk: Buffer) => void): Promise<GitResult> {
  return new Promise((resolve) => {
    // A git hook or a parent git process may export these; the repository is the one the list is in.
    const env = {...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_INDEX_FILE: undefined, LC_ALL: 'C'}
    const child = spawn('git', args, {cwd, env, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    // Resolve once both the process and its output have ended, so no line is lost.
    let pending = 2
    let exit: number | null = null
    const done = () => {
      if (--pending === 0) resolve(exit === 0 ? {ok: true, stdout} : {ok: false, missing: false, stderr, stdout})
    }
    if (onData) child.stdout.on('data', onData).on('end', done)
    else child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk)).on('end', done)
    child.on('error', (error: NodeJS.ErrnoException) => {
      pending = -1
      resolve({ok: false, missing: error.code === 'ENOENT', stderr: error.message, stdout: ''})
    })
    child.on('close', (code) => {
      exit = code
      done()
    })
  })
}
