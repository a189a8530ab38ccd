import {afterAll, describe, expect, it} from 'vitest'
import {appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {bundleKey, readBundle, writeBundle} from '../src/write/client-cache.ts'
import {projectRoot} from '../src/util/project-root.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-client-cache-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

const maker = new URL('../src/write/client.ts', import.meta.url).href
const config = {build: {target: 'es2020'}}

describe('the key of a cached browser bundle', () => {
  const sources = join(tmp, 'client')
  cpSync(join(projectRoot, 'src', 'client'), sources, {recursive: true})
  const key = () => bundleKey('/', config, maker, sources)
  const first = key()

  it('stays the same while nothing that goes into the bundle changes', () => {
    expect(key()).toBe(first)
  })

  it('changes with the base, the config, and any client source, edited or added', () => {
    expect(bundleKey('/Awesome-LLM-Pruning/', config, maker, sources)).not.toBe(first)
    expect(bundleKey('/', {build: {target: 'es2022'}}, maker, sources)).not.toBe(first)
    appendFileSync(join(sources, 'filter.ts'), '\n// edited\n')
    const edited = key()
    expect(edited).not.toBe(first)
    writeFileSync(join(sources, 'shared.ts'), 'export const x = 1\n')
    expect(key()).not.toBe(edited)
  })
})

it('gives back a stored bundle byte for byte, text and binary files alike', () => {
  const name = `test-${process.pid}-${Date.now()}`
  const bundle = {files: new Map<string, string | Uint8Array>([['assets/a.js', 'let é = "\\u2028"'], ['assets/b.woff2', new Uint8Array([0, 255, 1, 128])]]), assets: {css: 'assets/s.css', scripts: {home: 'assets/a.js', cite: 'y', matrix: 'z'}}}
  expect(readBundle(name)).toBeUndefined()
  writeBundle(name, bundle)
  try {
    expect(readBundle(name)).toEqual(bundle)
  } finally {
    rmSync(join(projectRoot, 'node_modules', '.cache', 'awesome-llm-pruning-site', 'client', `${name}.json`), {force: true})
  }
})
