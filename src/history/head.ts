import {existsSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {checkedOut, headCommit} from './git-log.ts'

/**
 * The commit checked out in the repository that holds a file, for a process that asks on every save (the
 * dev server). git is asked the first two times; after that only when a file it reads HEAD from has changed
 * (HEAD, the branch's ref, packed-refs). git writes each of them whole and renames it into place, so a
 * commit, a checkout, a reset or a `gc` gives it a new inode, size or date. Spawning git cost the site's
 * thread about 8 ms a save. A repository that keeps its refs in a reftable, or none, asks git every time.
 */
export class HeadCommit {
  readonly #file: string
  #dirs: {git: string; common: string} | undefined
  #known: {files: string; head: string | undefined} | undefined

  constructor(file: string) {
    this.#file = file
  }

  async read(): Promise<string | undefined> {
    if (!this.#dirs) {
      const first = await checkedOut(this.#file)
      this.#dirs = first.dirs
      return first.head
    }
    // Read before git is asked, so that a commit made while git runs is seen at the next call.
    const files = refFiles(this.#dirs)
    if (files !== undefined && this.#known?.files === files) return this.#known.head
    const head = await headCommit(this.#file)
    this.#known = files === undefined ? undefined : {files, head}
    return head
  }
}

/** What HEAD is read from, as one string that changes whenever one of those files does; undefined when that cannot be told. */
function refFiles({git, common}: {git: string; common: string}): string | undefined {
  if (existsSync(join(common, 'reftable'))) return undefined
  let head: string
  try {
    head = readFileSync(join(git, 'HEAD'), 'utf8')
  } catch {
    return undefined
  }
  const ref = /^ref: (refs\/\S+)/.exec(head)?.[1]
  const paths = [join(git, 'HEAD'), join(common, 'packed-refs'), ...(ref ? [join(common, ref)] : [])]
  return `${head}\n${paths.map(stamp).join('\n')}`
}

function stamp(path: string): string {
  const stats = statSync(path, {throwIfNoEntry: false, bigint: true})
  return stats ? `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}` : '-'
}
