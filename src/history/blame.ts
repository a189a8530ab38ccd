import {spawn} from 'node:child_process'
import {basename, dirname} from 'node:path'

/** Which commit gave one line of the README its current text. */
export interface BlamedLine {
  /** The commit's full hash; all zeros for a line not committed yet. */
  commit: string
  /** The file's path in that commit, from the repository's root (it may have been renamed since). */
  path: string
  /** Committer date, ISO 8601 UTC. */
  date: string
  /**
   * The commit at the edge of what was fetched: in a shallow clone, the line may be older than it says.
   * (In a full clone only the root commit is a boundary, and there the line really is that old.)
   */
  boundary: boolean
}

export type Blame =
  | {ok: true; shallow: boolean; lines: Map<number, BlamedLine>}
  | {ok: false; reason: string; uncommitted?: boolean}

/** The hash git gives a line of the working copy that no commit has. */
export const uncommitted = /^0+$/

/**
 * `git blame --porcelain` of the README, once for the whole file: line number → the commit that last
 * changed that line. `text` is blamed as the file's content (`--contents -`), so the lines are the very
 * ones the build read, whatever is on disk. Whitespace-only edits (`-w`) do not count as rewriting a row.
 * Never throws: no git, no repository or an untracked file is a reason the check can state. With `at`,
 * a commit, the file is blamed as that commit has it (`text` is then that version's, and unused).
 */
export async function blameFile(file: string, text: string, at?: string): Promise<Blame> {
  const cwd = dirname(file)
  const top = await git(cwd, ['rev-parse', '--is-shallow-repository'])
  if (!top.ok) return {ok: false, reason: top.missing ? 'git is not installed' : 'the list is not in a git repository'}
  const shallow = top.stdout.trim() === 'true'
  const what = at === undefined ? ['--contents', '-'] : [at]
  const run = await git(cwd, ['-c', 'core.quotepath=off', 'blame', '--porcelain', '-w', ...what, '--', basename(file)], at === undefined ? text : undefined)
  if (!run.ok) {
    const first = run.stderr.trim().split('\n')[0] ?? ''
    const untracked = /no such path|not in HEAD|bad revision|does not have any commits/i.test(first)
    return {ok: false, reason: untracked ? 'the list has not been committed yet' : `git blame failed: ${first}`, uncommitted: untracked}
  }
  return {ok: true, shallow, lines: parsePorcelain(run.stdout)}
}

/** The README as it was in `commit`, or undefined when git cannot show it. */
export async function showVersion(file: string, commit: string, path: string): Promise<string | undefined> {
  if (!hash.test(commit) || uncommitted.test(commit)) return undefined
  const run = await git(dirname(file), ['show', `${commit}:${path}`])
  return run.ok ? run.stdout : undefined
}

const hash = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/
const header = /^([0-9a-f]{40}|[0-9a-f]{64}) (\d+) (\d+)(?: (\d+))?$/

/**
 * Reads `--porcelain` output. Each group opens with `<hash> <old line> <new line> [<count>]`; the first
 * group of a commit follows it with `key value` lines (`filename`, `committer-time`, `boundary`); every
 * group ends with the line's content behind a TAB. Only a line that matches the header exactly, outside
 * a content line, opens a group, so a README line cannot pose as one.
 */
export function parsePorcelain(output: string): Map<number, BlamedLine> {
  const commits = new Map<string, {path: string; time: number; boundary: boolean}>()
  const lines = new Map<number, BlamedLine>()
  let current: {commit: string; line: number} | undefined
  for (const row of output.split('\n')) {
    if (row.startsWith('\t')) {
      if (current) {
        const info = commits.get(current.commit)
        if (info) lines.set(current.line, {commit: current.commit, path: info.path, date: isoDate(info.time), boundary: info.boundary})
      }
      current = undefined
      continue
    }
    if (!current) {
      const match = header.exec(row)
      if (!match) continue
      current = {commit: match[1]!, line: Number(match[3])}
      if (!commits.has(current.commit)) commits.set(current.commit, {path: '', time: 0, boundary: false})
      continue
    }
    const info = commits.get(current.commit)!
    const space = row.indexOf(' ')
    const key = space === -1 ? row : row.slice(0, space)
    const value = space === -1 ? '' : row.slice(space + 1)
    if (key === 'filename') info.path = unquote(value)
    else if (key === 'committer-time' && /^\d+$/.test(value)) info.time = Number(value)
    else if (key === 'boundary') info.boundary = true
  }
  return lines
}

/** git quotes a path with unusual characters C-style: `"dir/caf\303\251.md"`. */
function unquote(path: string): string {
  if (!(path.startsWith('"') && path.endsWith('"') && path.length >= 2)) return path
  const bytes: number[] = []
  const escapes: Record<string, number> = {n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '"': 34, '\\': 92}
  const inner = Buffer.from(path.slice(1, -1), 'utf8')
  for (let i = 0; i < inner.length; i++) {
    const byte = inner[i]!
    if (byte !== 92 || i + 1 >= inner.length) {
      bytes.push(byte)
      continue
    }
    const next = String.fromCharCode(inner[i + 1]!)
    const octal = /^[0-7]{3}$/.test(inner.subarray(i + 1, i + 4).toString('latin1')) ? inner.subarray(i + 1, i + 4).toString('latin1') : undefined
    if (octal) {
      bytes.push(parseInt(octal, 8))
      i += 3
    } else {
      bytes.push(escapes[next] ?? inner[i + 1]!)
      i += 1
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')
}

type GitResult = {ok: true; stdout: string} | {ok: false; missing: boolean; stderr: string}

/** Runs git in `cwd`, feeding `input` to its standard input. */
function git(cwd: string, args: string[], input?: string): Promise<GitResult> {
  return new Promise((resolve) => {
    // A git hook or a parent git process may export these; the repository is the one the list is in.
    const env = {...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_INDEX_FILE: undefined, LC_ALL: 'C'}
    const child = spawn('git', args, {cwd, env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']})
    const out: Buffer[] = []
    let stderr = ''
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', (error: NodeJS.ErrnoException) => resolve({ok: false, missing: error.code === 'ENOENT', stderr: error.message}))
    // 'close' fires after the output streams have ended, so nothing is lost.
    child.on('close', (code) => resolve(code === 0 ? {ok: true, stdout: Buffer.concat(out).toString('utf8')} : {ok: false, missing: false, stderr}))
    if (input !== undefined) {
      // git may exit before reading it all (a bad path): that is its answer, not an error here.
      child.stdin!.on('error', () => {})
      child.stdin!.end(input)
    }
  })
}
