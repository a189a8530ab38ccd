import {createHash} from 'node:crypto'
import {readFileSync, readdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {projectRoot} from '../util/project-root.ts'
import {cacheFolder, readCached, writeCached} from '../util/cache-folder.ts'
import type {ScriptName} from '../client/entries.ts'

// The browser bundle does not depend on the README, so a build reuses the last one made from the same
// client sources, vite config and base, and does not even load vite (src/util/cache-folder.ts).

const folder = cacheFolder('client')
/** Enough for the bases and branches one works on; the oldest go first. */
const kept = 16

/**
 * The bundle's key: the SHA-256 of everything that goes into it. That is every file in src/client/,
 * the config, the base, vite's version, and the code that calls vite and stores its output (this
 * module and `maker`, the module that imports it), so a change to any of them makes a new bundle.
 * `sources` is the client folder.
 */
export function bundleKey(base: string, config: unknown, maker: string, sources = join(projectRoot, 'src', 'client')): string {
  const hash = createHash('sha256')
  const add = (label: string, value: string | Uint8Array) => hash.update(`${label}\0${value.length}\0`).update(value)
  add('base', base)
  add('config', JSON.stringify(config))
  add('vite', readFileSync(createRequire(import.meta.url).resolve('vite/package.json')))
  add('cache', readFileSync(fileURLToPath(import.meta.url)))
  add('maker', readFileSync(fileURLToPath(maker)))
  const files = readdirSync(sources, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile())
  for (const path of files.map((entry) => join(entry.parentPath, entry.name)).sort()) add(relative(sources, path), readFileSync(path))
  return hash.digest('hex')
}

export interface ClientBundle {
  /** Output files, relative to the site root. */
  files: Map<string, string | Uint8Array>
  /** Hashed paths of the entries, read back from vite's manifest. */
  assets: {css: string; scripts: Record<ScriptName, string>}
}

interface Stored {
  assets: ClientBundle['assets']
  files: Array<[string, {text: string} | {base64: string}]>
}

/** The bundle stored under `key`, or undefined when there is none (or it cannot be read). */
export function readBundle(key: string): ClientBundle | undefined {
  const stored = readCached<Stored>(join(folder, `${key}.json`))
  if (!stored) return undefined
  const files = new Map(stored.files.map(([name, body]) => [name, 'text' in body ? body.text : new Uint8Array(Buffer.from(body.base64, 'base64'))]))
  return {files, assets: stored.assets}
}

/** Stores a bundle. */
export function writeBundle(key: string, bundle: ClientBundle): void {
  const stored: Stored = {
    assets: bundle.assets,
    files: [...bundle.files].map(([name, body]) => [name, typeof body === 'string' ? {text: body} : {base64: Buffer.from(body).toString('base64')}])
  }
  writeCached(join(folder, `${key}.json`), stored, kept)
}
