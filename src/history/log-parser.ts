import {readIsoInstant} from '../util/iso-date.ts'

/** One commit that changed the file: when, and the lines its diff added. */
export interface FileCommit {
  hash: string
  /** Committer date, ISO 8601 UTC. */
  date: string
  added: string[]
  /** A shallow clone's oldest commit: its diff shows the whole file as added, so it says nothing about when. */
  boundary: boolean
}

/** The `--format` that `LogParser` reads: a line of NUL-separated fields, which git writes and a diff line cannot. */
export const commitFormat = '%x00%H%x00%cI%x00'

/** A commit's own line: NUL, full hash (SHA-1 or SHA-256), NUL, strict ISO 8601 committer date, NUL. */
const commitLine = /^\0([0-9a-f]{40}|[0-9a-f]{64})\0([^\0]*)\0$/
const hunkHeader = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/
/** What git writes between `diff --git` and the first hunk. */
const sectionHeader = /^(?:index |--- |\+\+\+ |old mode |new mode |deleted file mode |new file mode |similarity index |dissimilarity index |Binary files )/
const LF = 0x0a

/**
 * Reads `git log -p --format=<commitFormat>` of one file, as bytes, in chunks.
 *
 * The README's own lines reach this output as the diff's lines, so a pull request chooses their bytes.
 * Nothing here trusts a line for what it looks like, only for where git put it:
 * - lines end at LF only, as git's do: a lone CR or a NUL is part of a line;
 * - a hunk's lines are counted off by its header, so no line inside a hunk, whatever it holds,
 *   can pass for a commit, a hunk or a diff header;
 * - hash and date come only from the commit line, and must be a full hash and a strict ISO date;
 * - every diff must be of the followed file (renames move it), so no other file's lines count.
 * Output that does not have this shape is refused whole, with a reason, rather than read in part.
 */
export class LogParser {
  readonly commits: FileCommit[] = []
  private rest: Uint8Array[] = []
  private problem: string | undefined
  /** Lines of the current hunk still to come: removed (old) and added (new). */
  private old = 0
  private new = 0
  private state: 'commit' | 'section' | 'hunks' = 'commit'
  private diffLine = ''
  private renamed: {from?: string; to?: string} = {}

  /**
   * @param path The followed file's path from the repository's top, quoted as git quotes it.
   * @param shallow Hashes at the edge of a shallow clone.
   */
  constructor(
    private path: string,
    private readonly shallow: Set<string>
  ) {}

  push(chunk: Uint8Array): void {
    if (this.problem) return
    // A line longer than a chunk waits in pieces, joined once its LF comes, not once per chunk.
    if (chunk.indexOf(LF) === -1) {
      this.rest.push(Uint8Array.prototype.slice.call(chunk))
      return
    }
    const data = Buffer.concat([...this.rest, chunk])
    let start = 0
    for (let end = data.indexOf(LF, start); end !== -1 && !this.problem; end = data.indexOf(LF, start)) {
      this.line(data.subarray(start, end))
      start = end + 1
    }
    // A copy: the rest is small, and the chunk it came from need not stay in memory.
    this.rest = [Uint8Array.prototype.slice.call(data, start)]
  }

  /** The commits, or why git's output could not be trusted. */
  end(): {ok: true; commits: FileCommit[]} | {ok: false; reason: string} {
    if (!this.problem && this.rest.some((piece) => piece.length > 0)) this.problem = 'its output ended in the middle of a line'
    if (!this.problem && (this.old > 0 || this.new > 0)) this.problem = 'its output ended inside a hunk'
    if (!this.problem && this.state === 'section') this.checkSection()
    return this.problem ? {ok: false, reason: `git log gave output this build does not trust (${this.problem}), so no date is read from it`} : {ok: true, commits: this.commits}
  }

  private line(bytes: Buffer): void {
    const first = bytes[0]
    if (this.old > 0 || this.new > 0) return this.hunkLine(first, bytes)
    // Between hunks: only git's own lines can come here.
    const text = bytes.toString('utf8')
    if (first === 0) return this.commit(text)
    if (text.startsWith('diff --git ')) return this.section(text)
    if (text.startsWith('@@')) return this.hunk(text)
    // git's "\ No newline at end of file" after a hunk's last line, and the blank line after a commit's.
    if (text === '' || (first === 0x5c && this.state === 'hunks')) return
    if (this.state === 'section') {
      const rename = /^(?:rename|copy) (from|to) (.+)$/.exec(text)
      if (rename) this.renamed[rename[1] as 'from' | 'to'] = rename[2]!
      else if (!sectionHeader.test(text)) this.problem = `an unexpected line in a diff header: ${JSON.stringify(text.slice(0, 40))}`
      return
    }
    this.problem = `a line outside any hunk: ${JSON.stringify(text.slice(0, 40))}`
  }

  private hunkLine(first: number | undefined, bytes: Buffer): void {
    if (first === 0x2b) {
      this.new--
      // A CRLF file's line ends in CR: that CR is the line ending, not text.
      const end = bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length
      this.commits.at(-1)!.added.push(bytes.toString('utf8', 1, end))
    } else if (first === 0x2d) this.old--
    else if (first === 0x20) {
      this.old--
      this.new--
    } else if (first !== 0x5c) this.problem = 'a hunk line without a +, - or space'
    if (this.old < 0 || this.new < 0) this.problem = 'a hunk longer than its header says'
  }

  private commit(text: string): void {
    if (this.state === 'section') this.checkSection()
    const match = commitLine.exec(text)
    const date = match ? utc(match[2]!) : undefined
    if (!match || !date) {
      this.problem = 'a commit line without a full hash and an ISO 8601 date'
      return
    }
    this.commits.push({hash: match[1]!, date, added: [], boundary: this.shallow.has(match[1]!)})
    this.state = 'commit'
  }

  private section(text: string): void {
    if (this.commits.length === 0) this.problem = 'a diff before any commit'
    if (this.state === 'section') this.checkSection()
    this.state = 'section'
    this.diffLine = text
    this.renamed = {}
  }

  private hunk(text: string): void {
    const match = hunkHeader.exec(text)
    if (this.state === 'section') this.checkSection()
    if (this.problem) return
    if (!match || this.state !== 'hunks') {
      this.problem = 'a hunk header outside a diff'
      return
    }
    // A count left out is 1 (`@@ -5 +5 @@`). The rest of the header is README text (the "function" context).
    this.old = Number(match[1] ?? 1)
    this.new = Number(match[2] ?? 1)
  }

  /**
   * A diff must be of the followed file. A rename or copy names the file it came from, which is the
   * followed file in older commits.
   */
  private checkSection(): void {
    const {from, to} = this.renamed
    const [a, b] = from !== undefined && to !== undefined ? [from, to] : [this.path, this.path]
    if (b !== this.path || this.diffLine !== `diff --git ${prefixed('a/', a)} ${prefixed('b/', b)}`) {
      this.problem = `a diff of another file: ${JSON.stringify(this.diffLine.slice(11, 80))}`
      return
    }
    this.path = a
    this.state = 'hunks'
  }
}

/** A path the way git writes it in a diff header: in C-style quotes when it holds a control character, `"` or `\`. */
export function quotePath(path: string): string {
  if (!/[\u0000-\u001f"\\\u007f]/.test(path)) return path
  const named: Record<string, string> = {'\u0007': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '"': '"', '\\': '\\'}
  return `"${path.replace(/[\u0000-\u001f"\\\u007f]/g, (char) => `\\${named[char] ?? char.charCodeAt(0).toString(8).padStart(3, '0')}`)}"`
}

/** `a/` or `b/` before a path that may be quoted: git puts it inside the quotes. */
function prefixed(prefix: string, quoted: string): string {
  return quoted.startsWith('"') ? `"${prefix}${quoted.slice(1)}` : `${prefix}${quoted}`
}

/**
 * git's strict ISO 8601 (`%cI`, `2024-06-10T08:30:00-04:00`) as UTC (`2024-06-10T12:30:00Z`), read by the
 * site's one date reader; undefined for anything else, an impossible day or hour included, and for a date
 * before 1970, which git's timestamps cannot hold.
 */
export function utc(iso: string): string | undefined {
  const read = readIsoInstant(iso)
  return read.ok && read.time >= 0 ? read.iso : undefined
}
