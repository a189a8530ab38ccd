import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {link, mkdir, mkdtemp, rename, rm, stat, writeFile} from 'node:fs/promises'
import {dirname, join, resolve} from 'node:path'
import {leftovers, oldFolder, stagingPrefix} from './leftovers.ts'
import {writeOnThread} from './write-thread.ts'
import {contentsNow, type Contents, type SiteFiles} from './contents.ts'

export type {Contents, SiteFiles} from './contents.ts'

/** How many files are written at once: file creation, not bytes, is the cost on this disk. */
const inFlight = 64

/** From this many files on, a one-shot build writes them from a writer thread: below it, starting the thread costs more than it saves. */
const minThreadFiles = 256

/** What this process last wrote into each output folder: a hash per file, and the file's size and mtime then. */
const written = new Map<string, Map<string, {hash: string; size: number; mtimeMs: number}>>()

/**
 * Writes the whole site into a staging folder beside `outDir`, then swaps it in with renames.
 * A build that fails before the swap leaves the previous output exactly as it was. The staging and
 * old folders that killed builds left beside it are removed first (see `leftovers`).
 *
 * With `remember` (a long-lived process such as the dev server), a file whose bytes this process
 * already wrote there, and which nobody has touched since, is
 * hard-linked into the staging folder instead of written again: the link shares the old file's
 * bytes, which are never modified, so the previous output still stays intact until the swap.
 */
export async function writeSite(outDir: string, files: SiteFiles, options: {remember?: boolean} = {}): Promise<void> {
  const target = resolve(outDir)
  await mkdir(dirname(target), {recursive: true})
  for (const folder of await leftovers(target)) removeLater(folder)
  const staging = await mkdtemp(stagingPrefix(target))
  let record: Map<string, {hash: string; size: number; mtimeMs: number}>
  try {
    record = await writeAll(staging, target, files, written.get(target), options.remember ?? false)
    await swap(staging, target)
  } catch (error) {
    written.delete(target)
    await rm(staging, {recursive: true, force: true})
    throw error
  }
  if (options.remember) written.set(target, record)
  else written.delete(target)
}

async function writeAll(root: string, previous: string, files: SiteFiles, before: Map<string, {hash: string; size: number; mtimeMs: number}> | undefined, remember: boolean) {
  const record = new Map<string, {hash: string; size: number; mtimeMs: number}>()
  // A large one-shot build writes from a thread of its own while this one renders; a long-lived process
  // links what it wrote before, which needs each file's hash and date here.
  if (!remember && files.size >= minThreadFiles) {
    await writeOnThread(root, files)
    return record
  }
  await makeFolders(root, files.keys())
  const queue = [...files.entries()].reverse()
  // The first failure (a disk error, or a template error while a page is rendered) stops every writer
  // before the staging folder is removed, so nothing is written into it afterwards.
  let failure: {error: unknown} | undefined
  const writeOne = async ([path, contents]: [string, Contents]) => {
    const bytes = contentsNow(contents)
    const hash = before ? createHash('sha1').update(bytes).digest('base64') : ''
    const file = join(root, path)
    const old = before?.get(path)
    if (old && old.hash === hash && (await reuse(join(previous, path), file, old))) {
      record.set(path, old)
      return
    }
    await writeFile(file, bytes)
    if (!remember) return
    const info = await stat(file)
    record.set(path, {hash: hash || createHash('sha1').update(bytes).digest('base64'), size: info.size, mtimeMs: info.mtimeMs})
  }
  const workers = Array.from({length: Math.min(inFlight, queue.length)}, async () => {
    for (let next = queue.pop(); next && !failure; next = queue.pop()) {
      try {
        await writeOne(next)
      } catch (error) {
        failure ??= {error}
      }
    }
  })
  await Promise.all(workers)
  if (failure) throw failure.error
  return record
}

/**
 * Every folder the files need, level by level, many at a time: a site has a folder per page, and
 * creating ten thousand of them one after another kept the disk waiting for seconds.
 */
async function makeFolders(root: string, paths: Iterable<string>): Promise<void> {
  const byDepth: string[][] = []
  const seen = new Set<string>()
  for (const path of paths) {
    const parts = path.split('/').slice(0, -1)
    for (let depth = 1; depth <= parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/')
      if (seen.has(folder)) continue
      seen.add(folder)
      ;(byDepth[depth] ??= []).push(folder)
    }
  }
  for (const level of byDepth) {
    if (!level) continue
    const queue = [...level]
    await Promise.all(
      Array.from({length: Math.min(inFlight, queue.length)}, async () => {
        for (let folder = queue.pop(); folder !== undefined; folder = queue.pop()) await mkdir(join(root, folder))
      })
    )
  }
}

/** Links the previous output's file into staging when it is still exactly what this process wrote. */
async function reuse(from: string, to: string, old: {size: number; mtimeMs: number}): Promise<boolean> {
  const info = await stat(from).catch(() => undefined)
  if (!info || info.size !== old.size || info.mtimeMs !== old.mtimeMs) return false
  return link(from, to).then(
    () => true,
    () => false
  )
}

/**
 * Moves the old output aside, moves the new one in, then deletes the old in a detached process:
 * removing ten thousand folders takes seconds on this disk, and nothing waits for it.
 * Retries if another build swaps at the same time. If the new output cannot be moved in, the old one
 * is put back, never deleted.
 */
async function swap(staging: string, target: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const old = oldFolder(staging)
    let moved = true
    await rename(target, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
      moved = false
    })
    try {
      await rename(staging, target)
      if (moved) removeLater(old)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      // Back where it was; only if another build's output took the place meanwhile is ours dropped.
      if (moved) await rename(old, target).catch(() => removeLater(old))
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt > 20) throw error
    }
  }
}

function removeLater(folder: string): void {
  const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], {recursive: true, force: true})', folder], {
    detached: true,
    stdio: 'ignore'
  })
  child.on('error', () => rm(folder, {recursive: true, force: true}))
  child.unref()
}
