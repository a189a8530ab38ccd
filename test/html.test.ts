import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {join} from 'node:path'
import {pages, type Page} from './helpers/links.ts'
import {buildSite, fixtures, scratch, type FixtureName} from './helpers/sites.ts'
import {validatePages} from './helpers/validate-html.ts'
import {recordQuality} from './helpers/quality.ts'

const tmp = scratch('html')
const sites = new Map<string, Page[]>()
let checked = 0
let errors = 0

beforeAll(async () => {
  for (const name of Object.keys(fixtures) as FixtureName[]) {
    for (const base of ['/', '/Awesome-LLM-Pruning/']) {
      const out = await buildSite({input: fixtures[name], out: join(tmp.dir, `${name}-${base.length}`), base, siteUrl: 'https://example.github.io', sourceHref: 'https://github.com/example/Awesome-LLM-Pruning/blob/HEAD/content/README.md'})
      sites.set(`${name} under ${base}`, pages(out, base))
    }
  }
})

afterAll(() => {
  recordQuality('html', {'pages validated': checked, 'errors found': errors})
  tmp.dispose()
})

describe('html-validate', () => {
  it('reports what it should on a broken page (the validator is live)', async () => {
    const found = await validatePages([{path: '/x', file: 'x.html', html: '<!doctype html><html><head><title>x</title></head><body><img src="a.png"><div id="a"></div><p id="a"><a href="#">x</div></body></html>'}])
    expect(found.join('\n')).toMatch(/wcag\/h37/)
    expect(found.join('\n')).toMatch(/no-dup-id/)
    expect(found.join('\n')).toMatch(/close-order/)
  })

  for (const name of Object.keys(fixtures) as FixtureName[]) {
    for (const base of ['/', '/Awesome-LLM-Pruning/']) {
      it(`finds no error on any page of the ${name} fixture under ${base}`, async () => {
        const list = sites.get(`${name} under ${base}`)!
        expect(list.length).toBeGreaterThan(10)
        const found = await validatePages(list)
        checked += list.length
        errors += found.length
        expect(found).toEqual([])
      })
    }
  }
})
