import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {crawl, references, type Crawl} from './helpers/links.ts'
import {scratch} from './helpers/scratch.ts'
import {bases as where, fixtures, placements, sharedSite, type FixtureName} from './helpers/shared-sites.ts'
import {recordQuality} from '../scripts/shared/quality.ts'

const tmp = scratch('links')
const bases = Object.values(where)
const results = new Map<string, Crawl>()

beforeAll(() => {
  for (const name of Object.keys(fixtures) as FixtureName[]) {
    for (const [key, base] of placements) results.set(`${name} ${base}`, crawl(sharedSite(`${name}-${key}`), base))
  }
})

afterAll(() => {
  const all = [...results.values()]
  recordQuality('links', {
    sites: all.length,
    'pages crawled': all.reduce((sum, r) => sum + r.pages, 0),
    'links followed': all.reduce((sum, r) => sum + r.links, 0),
    'broken links': all.reduce((sum, r) => sum + r.broken.length, 0),
    'unreachable pages': all.reduce((sum, r) => sum + r.unreachable.length, 0)
  })
  tmp.dispose()
})

describe('the link crawler', () => {
  it('reads href, src and every srcset candidate, quoted either way', () => {
    expect(references(`<a href="/a?x=1&amp;y=2">a</a><img src='/b.png' srcset="/c.png 1x, /d.png 2x"><link href=/e.css rel=stylesheet>`))
      .toEqual(['/a?x=1&y=2', '/b.png', '/c.png', '/d.png', '/e.css'])
  })

  it('finds a missing file, a missing srcset image, a missing #fragment and a page nothing links to', () => {
    const root = join(tmp.dir, 'handmade')
    mkdirSync(join(root, 'orphan'), {recursive: true})
    writeFileSync(join(root, 'index.html'), '<p id="here"><a href="#here">ok</a> <a href="#gone">x</a> <a href="missing/">y</a> <img src="/a.png" srcset="/a.png 1x, /b.png 2x" alt=""></p>')
    writeFileSync(join(root, 'a.png'), '')
    writeFileSync(join(root, 'orphan', 'index.html'), '<a href="../">home</a>')
    const result = crawl(root, '/')
    expect(result.broken).toEqual(['/ → /#gone (no such anchor)', '/ → /missing/ (no such file)', '/ → /b.png (no such file)'])
    expect(result.unreachable).toEqual(['/orphan/'])
  })
})

for (const name of Object.keys(fixtures) as FixtureName[]) {
  for (const base of bases) {
    describe(`the ${name} fixture under base ${base}`, () => {
      it('has no broken href, src, srcset or #fragment, and every page is reachable from the home page', () => {
        const result = results.get(`${name} ${base}`)!
        expect(result.pages).toBeGreaterThan(10)
        expect(result.links).toBeGreaterThan(result.pages * 5)
        expect(result.broken).toEqual([])
        expect(result.unreachable).toEqual([])
      })
    })
  }
}
