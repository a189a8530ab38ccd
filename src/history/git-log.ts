import {spawn} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import {basename, dirname, isAbsolute, join, resolve} from 'node:path'
import {commitFormat, LogParser, quotePath, type FileCommit} from './log-parser.ts'

export type {FileCommit} from './log-parser.ts'
export type FileLog = {ok: true; commits: FileCommit[]} | {ok: false; reason: string}

/**
 * Every commit that changed `file`, newest first, following renames, with the lines each one added.
 * One `git log -p` over the file's history: linear in the history, whatever the list's size.
 * Never throws: no git, no repository or no commit is a reason the site can state.
 */
export async function readFileLog(file: string): Promise<FileLog> {
  const cwd = dirname(file)
  // One git call for three answers, a line each (the prefix's is empty at the top): each call is a process
  // started and waited for, some 10 ms here, before the log can start.
  const where = await git(cwd, ['rev-parse', '--show-toplevel', '--show-prefix', '--git-path', 'shallow'])
  if (!where.ok) return {ok: false, reason: where.missing ? 'git is not installed' : 'the list is not in a git repository'}
  const [, prefix = '', shallow = ''] = where.stdout.split('\n')
  const path = `${prefix}${basename(file)}`
  const parser = new LogParser(quotePath(path), await shallowCommits(cwd, shallow))
  // The user's and the repository's settings must not change what git prints: the options below pin
  // every one that would (signatures, notes, colour, prefixes, relative paths, external diffs,
  // text conversion). `--text` reads a README that holds a NUL, which git would otherwise call binary.
  const log = await git(
    cwd,
    [
      ...['-c', 'core.quotepath=off', '-c', 'diff.renames=true', '-c', 'diff.suppressBlankEmpty=false', '-c', 'log.showSignature=false'],
      ...['log', '--follow', '--no-color', '--no-ext-diff', '--no-textconv', '--text', '--no-notes', '--no-relative', '--src-prefix=a/', '--dst-prefix=b/'],
      ...['-p', '--unified=0', `--format=${commitFormat}`, '--', basename(file)]
    ],
    (chunk) => parser.push(chunk)
  )
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
  const cwd = dirname(file)
  const read = await git(cwd, ['rev-parse', '--git-dir', '--git-common-dir', '--verify', '--quiet', 'HEAD'])
  const [gitDir, common, head] = read.ok ? read.stdout.split('\n') : []
  return gitDir && common && head ? {head, dirs: {git: resolve(cwd, gitDir), common: resolve(cwd, common)}} : {head: undefined}
}

/** The commits at the edge of a shallow clone, whose parents were not fetched; `file` is git's path to its list of them. */
async function shallowCommits(cwd: string, file: string): Promise<Set<string>> {
  if (file === '') return new Set()
  const text = await readFile(isAbsolute(file) ? file : join(cwd, file), 'utf8').catch(() => '')
  return new Set(text.split('\n').filter((line) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(line)))
}

type GitResult = {ok: true; stdout: string} | {ok: false; missing: boolean; stderr: string}

/** Runs git, streaming stdout's bytes to `onData` when given (a long history need not fit in one buffer). */
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
      if (--pending === 0) resolve(exit === 0 ? {ok: true, stdout} : {ok: false, missing: false, stderr})
    }
    if (onData) child.stdout.on('data', onData).on('end', done)
    else child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk)).on('end', done)
    child.on('error', (error: NodeJS.ErrnoException) => {
      pending = -1
      resolve({ok: false, missing: error.code === 'ENOENT', stderr: error.message})
    })
    child.on('close', (code) => {
      exit = code
      done()
    })
  })
}
