import {afterAll, describe, expect, it} from 'vitest'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {serialize} from 'node:v8'
import {createDevSite} from '../src/dev/state.ts'
import {seedSource} from './helpers/seed.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-page-text-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** Whether V8 holds `text` one byte per character: its serializer tags such a string `"`, a two-byte one `c`. */
const isOneByte = (text: string) => serialize(text)[2] === '"'.charCodeAt(0)

/**
 * The home page of a README, as the dev server renders it. This file has a module registry of its own
 * (vitest.config.ts), so the process-wide caches start empty: the seed is rendered first, from nothing.
 */
async function homePage(source: string): Promise<string> {
  const input = join(tmp, `${Math.random().toString(36).slice(2)}.md`)
  writeFileSync(input, source)
  const site = createDevSite({input})
  await site.refresh()
  return site.page('/')!.body
}

describe("the home page's text", () => {
  it("is one byte per character for the seed, whose README is Latin-1: the site's own words add nothing above U+00FF", async () => {
    const html = await homePage(seedSource)
    // The brand mark is a character reference; the What's new link has an ASCII apostrophe.
    expect(html).toContain('&#9986;')
    expect(html).toContain('What&#39;s new')
    expect(html).not.toMatch(/[^\u0000-\u00ff]/)
    expect(isOneByte(html)).toBe(true)
  })

  it('keeps the characters a README has above U+00FF as they are written', async () => {
    const html = await homePage(seedSource.replace('ShortGPT:Layers', 'ShortGPT’s 剪枝:Layers'))
    expect(html).toContain('ShortGPT’s 剪枝')
    expect(isOneByte(html)).toBe(false)
  })
})
