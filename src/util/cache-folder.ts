import {mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {projectRoot} from './project-root.ts'

// What a build keeps for the next one (the browser bundle, the README's committed history): in
// node_modules/.cache, the folder bundlers and linters share for this, never in git. One JSON file per key,
// the most recent `kept` of each kind.

/** The folder of one kind of cached file. */
export function cacheFolder(kind: string): string {
  return join(projectRoot, 'node_modules', '.cache', packageName(), kind)
}

/** The JSON stored at `file`, or undefined when there is none or it cannot be read. */
export function readCached<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch {
    return undefined
  }
}

/**
 * Stores `value` as JSON at `file`, in a folder that keeps its `kept` most recent files. A cache that
 * cannot be written (a read-only node_modules) only costs the next build its time.
 */
export function writeCached(file: string, value: unknown, kept: number): void {
  const folder = join(file, '..')
  try {
    mkdirSync(folder, {recursive: true})
    // Written aside and renamed, so a build running at the same time reads the whole file or none.
    const aside = `${file}.${process.pid}.tmp`
    writeFileSync(aside, JSON.stringify(value))
    renameSync(aside, file)
    const entries = readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({path: join(folder, name), time: statSync(join(folder, name)).mtimeMs}))
      .sort((a, b) => b.time - a.time)
    for (const entry of entries.slice(kept)) rmSync(entry.path, {force: true})
  } catch {
    // Nothing to do: what was to be kept is made again next time.
  }
}

function packageName(): string {
  return (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {name: string}).name
}
