import type {InlineConfig, Manifest, Rolldown} from 'vite'
import {projectRoot as root} from '../util/project-root.ts'
import {bundleKey, readBundle, writeBundle, type ClientBundle} from './client-cache.ts'
import {clientEntries, scriptSources, type ScriptName} from '../client/entries.ts'

export type {ClientBundle}

const cache = new Map<string, Promise<ClientBundle>>()

/**
 * The browser script and the stylesheet, with their hashed names read back from vite's
 * `.vite/manifest.json`. Built by vite, in memory, only when no bundle made from the same sources,
 * config and base is cached (client-cache.ts); once per base within a process.
 */
export function bundleClient(base: string): Promise<ClientBundle> {
  let bundle = cache.get(base)
  if (!bundle) {
    bundle = cachedOrBuilt(base)
    cache.set(base, bundle)
    bundle.catch(() => cache.delete(base))
  }
  return bundle
}

async function cachedOrBuilt(base: string): Promise<ClientBundle> {
  const config = viteConfig(base)
  const key = bundleKey(base, config, import.meta.url)
  const cached = readBundle(key)
  if (cached) return cached
  const bundle = await runVite(config)
  writeBundle(key, bundle)
  return bundle
}

function viteConfig(base: string): InlineConfig {
  return {
    configFile: false,
    root,
    base,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      manifest: true,
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2020',
      cssMinify: true,
      modulePreload: false,
      rollupOptions: {input: clientEntries}
    }
  }
}

async function runVite(config: InlineConfig): Promise<ClientBundle> {
  // vite and its bundler take a third of a second to load: only a build that needs a new bundle does.
  const {build} = await import('vite')
  const result = await build(config)
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  const files = new Map<string, string | Uint8Array>()
  for (const output of outputs) {
    for (const item of output.output) {
      files.set(item.fileName, item.type === 'chunk' ? item.code : item.source)
    }
  }
  const manifestSource = files.get('.vite/manifest.json')
  if (manifestSource === undefined) throw new Error('vite wrote no manifest')
  files.delete('.vite/manifest.json')
  const manifest = JSON.parse(typeof manifestSource === 'string' ? manifestSource : new TextDecoder().decode(manifestSource)) as Manifest
  const file = (entry: string) => {
    const name = manifest[entry]?.file
    if (!name) throw new Error(`vite's manifest lacks ${entry}`)
    return name
  }
  const scripts = Object.fromEntries(Object.entries(scriptSources).map(([name, entry]) => [name, file(entry)])) as Record<ScriptName, string>
  return {files, assets: {css: file(clientEntries.style), scripts}}
}
