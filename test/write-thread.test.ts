import {afterAll, describe, expect, it} from 'vitest'
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {writeSite, type Contents, type SiteFiles} from '../src/write/output.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-write-thread-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** A site large enough to be written from the writer thread: a page per folder, as paper pages are. */
function site(pages: number, text: (index: number) => string): SiteFiles {
  const files: SiteFiles = new Map<string, Contents>([
    ['index.html', 'home'],
    ['assets/x.bin', new Uint8Array([0, 1, 2, 255])]
  ])
  for (let index = 0; index < pages; index++) files.set(`papers/p${index}/index.html`, () => text(index))
  return files
}

describe('a large site, written from the writer thread', () => {
  it('writes every file, bytes and nested folders included', async () => {
    const out = join(tmp, 'site')
    await writeSite(out, site(600, (index) => `paper ${index} · ünïcode`))
    expect(readdirSync(join(out, 'papers'))).toHaveLength(600)
    expect(readFileSync(join(out, 'papers/p599/index.html'), 'utf8')).toBe('paper 599 · ünïcode')
    expect([...readFileSync(join(out, 'assets/x.bin'))]).toEqual([0, 1, 2, 255])
  })

  it('leaves the previous output as it was when a page fails halfway, or a file cannot be written', async () => {
    const out = join(tmp, 'site')
    const failing = site(600, (index) => {
      if (index === 400) throw new Error('template failed')
      return 'new'
    })
    await expect(writeSite(out, failing)).rejects.toThrow('template failed')
    // A file where a folder must go.
    const clash = site(600, () => 'new')
    clash.set('papers/p5', 'a file')
    await expect(writeSite(out, clash)).rejects.toThrow()
    expect(readFileSync(join(out, 'papers/p599/index.html'), 'utf8')).toBe('paper 599 · ünïcode')
    expect(readdirSync(tmp).sort()).toEqual(['site'])
  })
})
