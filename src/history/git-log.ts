import {spawn} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import {basename, dirname, isAbsolute, join} from 'node:path'
import {createInterface} from 'node:readline'

/** One commit that changed the file: when, and the lines its diff added. */
export interface FileCommit {
  hash: string
  /** Committer date, ISO 8601 UTC. */
  date: string
  added: string[]
  /** A shallow clone's oldest commit: its diff shows the whole file as added, so it says nothing about when. */
  boundary: boolean
}

export type FileLog = {ok: true; commits: FileCommit[]} | {ok: false; reason: string}

/**
 * Every commit that changed `file`, newest first, following renames, with the lines each one added.
 * One `git log -p` over the file's history: linear in the history, whatever the list's size.
 * Never throws: no git, no repository or no commit is a reason the site can state.
 */
export async function readFileLog(file: string): Promise<FileLog> {
  const cwd = dirname(file)
  const top = await git(cwd, ['rev-parse', '--show-toplevel'])
  if (!top.ok) return {ok: false, reason: top.missing ? 'git is not installed' : 'the list is not in a git repository'}
  const shallow = await shallowCommits(cwd)
  const commits: FileCommit[] = []
  let current: FileCommit | undefined
  let inHunk = false
  const log = await git(
    cwd,
    ['-c', 'core.quotepath=off', '-c', 'diff.renames=true', 'log', '--follow', '--no-color', '--no-ext-diff', '--no-textconv', '-p', '--unified=0', '--format=%x1e%H %cI', '--', basename(file)],
    (line) => {
      if (line.startsWith('\x1e')) {
        const [hash = '', when = ''] = line.slice(1).split(' ')
        current = {hash, date: utc(when), added: [], boundary: shallow.has(hash)}
        commits.push(current)
        inHunk = false
      } else if (line.startsWith('diff --git ')) {
        inHunk = false
      } else if (line.startsWith('@@')) {
        inHunk = true
      } else if (inHunk && line.startsWith('+') && current) {
        current.added.push(line.slice(1))
      }
    }
  )
  if (!log.ok) return {ok: false, reason: `git log failed: ${log.stderr.trim().split('\n')[0] ?? ''}`}
  if (commits.length === 0) return {ok: false, reason: 'the list has no commits yet'}
  return {ok: true, commits}
}

/** The commits at the edge of a shallow clone, whose parents were not fetched. */
async function shallowCommits(cwd: string): Promise<Set<string>> {
  const path = await git(cwd, ['rev-parse', '--git-path', 'shallow'])
  if (!path.ok) return new Set()
  const file = path.stdout.trim()
  const text = await readFile(isAbsolute(file) ? file : join(cwd, file), 'utf8').catch(() => '')
  return new Set(text.split('\n').filter(Boolean))
}

type GitResult = {ok: true; stdout: string} | {ok: false; missing: boolean; stderr: string}

/** Runs git, streaming stdout line by line to `onLine` when given (a long history need not fit in one buffer). */
function git(cwd: string, args: string[], onLine?: (line: string) => void): Promise<GitResult> {
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
    if (onLine) createInterface({input: child.stdout, crlfDelay: Infinity}).on('line', onLine).on('close', done)
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

function utc(iso: string): string {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? iso : new Date(time).toISOString().replace('.000Z', 'Z')
}
