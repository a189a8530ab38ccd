import {existsSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {checkedOut} from './git-log.ts'

/**
 * The commit checked out in the repository that holds a file, for a process that asks on every save (the
 * dev server). git is asked the first two times; after that only when what it reads HEAD from has changed:
 * HEAD and the ref it names (read whole: a commit changes the commit they hold), or packed-refs (git writes
 * it whole and renames it into place, so a `pack-refs` or a `gc` gives it a new inode, size or date).
 * Spawning git cost the site's thread about 8 ms a save. A repository that keeps its refs in a reftable, or
 * none, asks git every time.
 */
export class HeadCommit {
  readonly #file: string
  #dirs: {git: string; common: string} | undefined
  #known: {files: string; head: string | undefined} | undefined

  constructor(file: string) {
    this.#file = file
  }

  async read(): Promise<string | undefined> {
    // Read before git is asked, so that a commit made while git runs is seen at the next call.
    const files = this.#dirs && refFiles(this.#dirs)
    if (files !== undefined && this.#known?.files === files) return this.#known.head
    const {head, dirs} = await checkedOut(this.#file)
    this.#dirs = dirs
    this.#known = files === undefined ? undefined : {files, head}
    return head
  }
}

/**
 * What HEAD is read from, as one string that changes whenever one of those files does; undefined when that
 * cannot be told. HEAD and each loose ref it leads to are read whole (a ref is one line: its commit), following
 * a chain of symbolic refs; packed-refs, which can be large, by its inode, size and dates.
 */
export function refFiles({git, common}: {git: string; common: string}): string | undefined {
  if (existsSync(join(common, 'reftable'))) return undefined
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8')
    } catch {
      return undefined
    }
  }
  const head = read(join(git, 'HEAD'))
  if (head === undefined) return undefined
  const parts = [head]
  let ref = symbolic(head)
  for (let hop = 0; ref && hop < 5; hop++) {
    // A worktree keeps a few kinds of ref of its own; the branches are shared.
    const text = read(join(/^refs\/(worktree|bisect|rewritten)\//.test(ref) ? git : common, ref)) ?? '(packed)'
    parts.push(`${ref}\n${text}`)
    ref = symbolic(text)
  }
  return `${parts.join('\n')}\n${stamp(join(common, 'packed-refs'))}`
}

function symbolic(text: string): string | undefined {
  return /^ref: (refs\/\S+)/.exec(text)?.[1]
}

export function stamp(path: string): string {
  const stats = statSync(path, {throwIfNoEntry: false, bigint: true})
  return stats ? `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}` : '-'
}
