import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parse} from 'yaml'
import {sourceLinks, suggestTemplate} from '../src/render/source-links.ts'
import {readFlags} from '../scripts/cli.ts'
import {buildSite} from './helpers/sites.ts'
import {scratch} from './helpers/scratch.ts'
import {seedPath, seedSource} from './helpers/seed.ts'
import {pages} from './helpers/links.ts'

/** A way in for a passer-by (issue 14): "Edit this entry" on paper pages, "Suggest a paper" everywhere, and the issue form behind it. */
const tmp = scratch('edit-links')
const source = 'https://github.com/lab/Awesome-LLM-Pruning/blob/main/content/README.md'
let withSource: string
let without: string

beforeAll(async () => {
  withSource = await buildSite({input: seedPath, out: join(tmp.dir, 'with'), base: '/Awesome-LLM-Pruning/', sourceHref: source, history: false})
  without = await buildSite({input: seedPath, out: join(tmp.dir, 'without'), history: false})
})
afterAll(() => tmp.dispose())

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8')
const hrefsOf = (html: string, text: RegExp) => Array.from(html.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)).filter((m) => text.test(m[2]!)).map((m) => m[1]!.replace(/&amp;/g, '&'))

describe('the links, from the README’s address', () => {
  it('on GitHub: the editor for the file, the file at the entry’s line, and the issue form', () => {
    const links = sourceLinks(source)
    expect(links.entry(18)).toEqual({
      edit: 'https://github.com/lab/Awesome-LLM-Pruning/edit/main/content/README.md',
      view: 'https://github.com/lab/Awesome-LLM-Pruning/blob/main/content/README.md#L18',
      line: 18
    })
    expect(links.suggest).toBe('https://github.com/lab/Awesome-LLM-Pruning/issues/new?template=suggest-paper.yml')
    // A repository's address alone means the list's usual place.
    expect(sourceLinks('https://github.com/lab/list').entry(3)?.edit).toBe('https://github.com/lab/list/edit/HEAD/content/README.md')
  })

  it('elsewhere, only the file at the line; with no address, nothing', () => {
    expect(sourceLinks('https://gitlab.com/lab/list/-/blob/main/content/README.md')).toMatchObject({suggest: undefined})
    expect(sourceLinks('https://gitlab.com/lab/list/-/blob/main/content/README.md').entry(7)).toEqual({edit: undefined, view: 'https://gitlab.com/lab/list/-/blob/main/content/README.md#L7', line: 7})
    expect(sourceLinks(undefined).entry(7)).toBeUndefined()
    expect(sourceLinks(undefined).suggest).toBeUndefined()
  })

  it('come from --source-url, else from GITHUB_REPOSITORY, else from nothing', () => {
    const before = process.env['GITHUB_REPOSITORY']
    try {
      delete process.env['GITHUB_REPOSITORY']
      expect(readFlags([]).sourceHref).toBeUndefined()
      expect(readFlags(['--source-url', source]).sourceHref).toBe(source)
      process.env['GITHUB_REPOSITORY'] = 'lab/list'
      expect(sourceLinks(readFlags([]).sourceHref).suggest).toBe('https://github.com/lab/list/issues/new?template=suggest-paper.yml')
    } finally {
      if (before === undefined) delete process.env['GITHUB_REPOSITORY']
      else process.env['GITHUB_REPOSITORY'] = before
    }
  })
})

describe('the built site', () => {
  it('links each paper page to its entry: the editor, and the line where the entry starts', () => {
    const lines = seedSource.split('\n')
    const graph = JSON.parse(read(withSource, 'graph.json')) as {papers: Array<{id: string; number: number; page: string; line: number}>}
    for (const paper of graph.papers) {
      const html = read(withSource, `${paper.page}index.html`)
      expect(hrefsOf(html, /^Edit this entry$/), paper.id).toEqual(['https://github.com/lab/Awesome-LLM-Pruning/edit/main/content/README.md'])
      expect(hrefsOf(html, /^line \d+$/)).toEqual([`https://github.com/lab/Awesome-LLM-Pruning/blob/main/content/README.md#L${paper.line}`])
      expect(lines[paper.line - 1]).toMatch(new RegExp(`^- \\[${paper.number}\\] `))
    }
  })

  it('offers "Suggest a paper" on every page, and the form it opens exists', () => {
    const all = pages(withSource, '/Awesome-LLM-Pruning/')
    expect(all.length).toBeGreaterThan(40)
    for (const page of all) expect(hrefsOf(page.html, /^Suggest a paper$/), page.path).toContain('https://github.com/lab/Awesome-LLM-Pruning/issues/new?template=suggest-paper.yml')
    expect(existsSync(fileURLToPath(new URL(`../.github/ISSUE_TEMPLATE/${suggestTemplate}`, import.meta.url)))).toBe(true)
  })

  it('leaves both out when the source is not known', () => {
    for (const page of pages(without, '/')) {
      expect(page.html, page.path).not.toContain('Suggest a paper')
      expect(page.html).not.toContain('Edit this entry')
      expect(page.html).not.toMatch(/issues\/new|\/edit\/|#L\d/)
    }
  })
})

describe('the issue form', () => {
  const dir = fileURLToPath(new URL('../.github/ISSUE_TEMPLATE/', import.meta.url))
  interface Field {type: string; id?: string; attributes: Record<string, unknown>; validations?: {required?: boolean}}
  const form = parse(readFileSync(join(dir, suggestTemplate), 'utf8')) as {name: string; description: string; title?: string; labels?: string[]; body: Field[]}

  it('is a GitHub issue form: a name, a description and a body of known field types with unique ids and labels', () => {
    expect(readdirSync(dir)).toContain(suggestTemplate)
    expect(form.name).toBe('Suggest a paper')
    expect(form.description.length).toBeGreaterThan(10)
    const types = ['markdown', 'input', 'textarea', 'dropdown', 'checkboxes']
    for (const field of form.body) {
      expect(types).toContain(field.type)
      if (field.type === 'markdown') expect(typeof field.attributes['value']).toBe('string')
      else {
        expect(field.id).toMatch(/^[a-z][a-z0-9_-]*$/)
        expect(typeof field.attributes['label']).toBe('string')
      }
    }
    const ids = form.body.flatMap((field) => (field.id ? [field.id] : []))
    expect(new Set(ids).size).toBe(ids.length)
    const labels = form.body.flatMap((field) => (field.type === 'markdown' ? [] : [field.attributes['label']]))
    expect(new Set(labels).size).toBe(labels.length)
  })

  it('asks for the title, the link, the venue and the code; the title and the link are required', () => {
    const field = (id: string) => form.body.find((entry) => entry.id === id)
    for (const id of ['title', 'link', 'venue', 'code']) expect(field(id)?.type, id).toBe('input')
    expect(field('title')?.validations?.required).toBe(true)
    expect(field('link')?.validations?.required).toBe(true)
    expect(field('venue')?.validations?.required).toBe(false)
    expect(field('code')?.validations?.required).toBe(false)
  })
})
