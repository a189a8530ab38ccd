import {createHash} from 'node:crypto'
import {readdir, stat} from 'node:fs/promises'
import {hostname} from 'node:os'
import {basename, dirname, join} from 'node:path'

/**
 * A build writes into `.dist.staging-…` beside `dist` and moves the old output to `.dist.old-…` while it
 * swaps; a build that is killed (SIGKILL, a power cut) leaves them there, and nothing else would remove
 * them. Each name says which process made it, on which machine, so that a later build can tell a
 * leftover from the folder of a build still running beside it.
 */

/** Whoever made it, a leftover this old is removed: no build runs for a day, and a process id can be reused. */
const staleMs = 24 * 60 * 60 * 1000

/** This machine, in 8 hex digits: a process id means something only on the machine that gave it. */
const host = createHash('sha256').update(hostname()).digest('hex').slice(0, 8)

/** The prefix of this process's staging folder for `target`, for `mkdtemp`: `.dist.staging-<pid>-<host>-`. */
export function stagingPrefix(target: string): string {
  return join(dirname(target), `.${basename(target)}.staging-${process.pid}-${host}-`)
}

/** Where the old output waits to be deleted: the staging folder's name, with `old` for `staging`. */
export function oldFolder(staging: string): string {
  return join(dirname(staging), basename(staging).replace(/\.staging-(?=[^.]*$)/, '.old-'))
}

/**
 * The staging and old folders of `target` that no build will finish or remove: those made by a process
 * of this machine that is no longer running, and any older than a day (so also those of another machine,
 * or named before names carried a process id). Only `target`'s own: `.dist.staging-*` and `.dist.old-*`
 * for `dist`, in the same folder.
 */
export async function leftovers(target: string): Promise<string[]> {
  const parent = dirname(target)
  const name = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const ours = new RegExp(`^\\.${name}\\.(?:staging|old)-(?:(\\d+)-([0-9a-f]{8})-)?[A-Za-z0-9]{6}$`)
  const names = await readdir(parent).catch(() => [] as string[])
  const found: string[] = []
  for (const entry of names) {
    const match = ours.exec(entry)
    if (!match) continue
    const folder = join(parent, entry)
    const pid = Number(match[1])
    if (match[2] === host && pid !== process.pid && !running(pid)) found.push(folder)
    else if (await olderThan(folder, staleMs)) found.push(folder)
  }
  return found
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function olderThan(folder: string, ms: number): Promise<boolean> {
  const info = await stat(folder).catch(() => undefined)
  return info !== undefined && Date.now() - info.mtimeMs > ms
}
