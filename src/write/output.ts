import {mkdir, mkdtemp, rename, rm, writeFile} from 'node:fs/promises'
import {basename, dirname, join, resolve} from 'node:path'

export type SiteFiles = Map<string, string | Uint8Array>

/** How many files are written at once: file creation, not bytes, is the cost on this disk. */
const inFlight = 64

/**
 * Writes the whole site into a staging folder beside `outDir`, then swaps it in with renames.
 * A build that fails before the swap leaves the previous output exactly as it was.
 */
export async function writeSite(outDir: string, files: SiteFiles): Promise<void> {
  const target = resolve(outDir)
  const parent = dirname(target)
  await mkdir(parent, {recursive: true})
  const staging = await mkdtemp(join(parent, `.${basename(target)}.staging-`))
  try {
    await writeAll(staging, files)
    await swap(staging, target)
  } catch (error) {
    await rm(staging, {recursive: true, force: true})
    throw error
  }
}

async function writeAll(root: string, files: SiteFiles): Promise<void> {
  const folders = new Set<string>()
  for (const path of files.keys()) folders.add(dirname(join(root, path)))
  for (const folder of [...folders].sort()) await mkdir(folder, {recursive: true})
  const queue = [...files.entries()]
  const workers = Array.from({length: Math.min(inFlight, queue.length)}, async () => {
    for (let next = queue.pop(); next; next = queue.pop()) await writeFile(join(root, next[0]), next[1])
  })
  await Promise.all(workers)
}

/** Moves the old output aside, moves the new one in, then deletes the old. Retries if another build swaps at the same time. */
async function swap(staging: string, target: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const old = `${staging}.old`
    await rename(target, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
    try {
      await rename(staging, target)
      await rm(old, {recursive: true, force: true})
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      await rm(old, {recursive: true, force: true})
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt > 20) throw error
    }
  }
}
