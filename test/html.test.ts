import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {pages, type Page} from './helpers/links.ts'
import {bases, fixtures, placements, sharedSite, type FixtureName} from './helpers/shared-sites.ts'
import {validatePages} from './helpers/validate-html.ts'
import {recordQuality} from '../scripts/shared/quality.ts'

const sites = new Map<string, Page[]>()
let checked = 0
let errors = 0

beforeAll(() => {
  for (const name of Object.keys(fixtures) as FixtureName[]) {
    // The `-full` builds: with the site's address and the README's, so canonical and edit links are validated too.
    for (const [where, base] of placements) sites.set(`${name} under ${base}`, pages(sharedSite(`${name}-${where}-full`), base))
  }
})

afterAll(() => {
  recordQuality('html', {'pages validated': checked, 'errors found': errors})
})

describe('html-validate', () => {
  it('reports what it should on a broken page (the validator is live)', async () => {
    const found = await validatePages([{path: '/x', file: 'x.html', html: '<!doctype html><html><head><title>x</title></head><body><img src="a.png"><div id="a"></div><p id="a"><a href="#">x</div></body></html>'}])
    expect(found.join('\n')).toMatch(/wcag\/h37/)
    expect(found.join('\n')).toMatch(/no-dup-id/)
    expect(found.join('\n')).toMatch(/close-order/)
  })

  for (const name of Object.keys(fixtures) as FixtureName[]) {
    for (const base of Object.values(bases)) {
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
