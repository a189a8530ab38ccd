import {afterAll, describe, expect, it} from 'vitest'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {writeSite, type Contents, type SiteFiles} from '../src/write/output.ts'
import type {TemplatedPage} from '../src/render/index.ts'
import {createEta, templatesDir} from '../src/render/eta.ts'
import {build} from '../src/build.ts'
import {syntheticReadme} from '../scripts/bench/readme.ts'

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

  it('renders pages on the thread as this thread renders them, and reports a template that fails on either thread as the page reports it', async () => {
    const views = join(tmp, 'views')
    mkdirSync(views)
    writeFileSync(join(views, 'page.eta'), '<a href="<%= it.url(it.page.path) %>"><%= it.data.title %></a> <%= it.site.name %>')
    writeFileSync(join(views, 'broken.eta'), '<%= it.data.missing.field %>')
    const engine = {views, base: '/x/', site: {name: 'Site & co'}}
    const page = (template: string, path: string, title: string): TemplatedPage => {
      const view = () => ({template, page: {path}, data: {title}})
      const failure = (name: string, message: string) => new Error(`${name}: ${message}`)
      // As sitePages() does: a failure here is reported as one on the thread is.
      const render = () => {
        try {
          return createEta({views}).render(template, {site: engine.site, page: {path}, url: (to: string) => `/x/${to}`, data: {title}})
        } catch (error) {
          throw failure(template, (error as Error).message)
        }
      }
      return {engine, view, render, failure}
    }
    const files = site(300, () => 'plain')
    for (let index = 0; index < 300; index++) files.set(`pages/p${index}/index.html`, page('page', `pages/p${index}/`, `<Title ${index}>`))
    await writeSite(join(tmp, 'rendered'), files)
    const written = readFileSync(join(tmp, 'rendered', 'pages/p7/index.html'), 'utf8')
    expect(written).toBe('<a href="/x/pages/p7/">&lt;Title 7&gt;</a> Site &amp; co')
    expect(written).toBe(page('page', 'pages/p7/', '<Title 7>').render())

    files.set('pages/p150/index.html', page('broken', 'pages/p150/', 'x'))
    await expect(writeSite(join(tmp, 'rendered'), files)).rejects.toThrow(/^broken: Cannot read properties of undefined/)
    expect(readFileSync(join(tmp, 'rendered', 'pages/p7/index.html'), 'utf8')).toBe(written)
    rmSync(join(tmp, 'rendered'), {recursive: true})
    rmSync(views, {recursive: true})
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

  // The paper pages are rendered on the writer thread; the home page and the matrix, which hold every paper, on the build's own.
  it.each(['paper', 'home', 'matrix'])('stops a build whose %s template fails, names the template, and leaves the previous site', async (name) => {
    const input = join(tmp, 'list.md')
    const out = join(tmp, 'built')
    writeFileSync(input, syntheticReadme({papers: 300, form: 'flat'}))
    expect((await build({input, out, history: false, allowErrors: true})).written).toBe(true)
    const home = readFileSync(join(out, 'index.html'), 'utf8')
    const templates = join(tmp, 'broken-templates')
    cpSync(templatesDir, templates, {recursive: true})
    const template = join(templates, 'pages', `${name}.eta`)
    writeFileSync(template, `<%= it.data.nothing.here %>\n${readFileSync(template, 'utf8')}`)
    const result = await build({input, out, templates, history: false, allowErrors: true})
    expect(result.written).toBe(false)
    const errors = result.files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => `${file.path}: ${message.reason}`))
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^templates/pages/${name}\\.eta: .*here`))])
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(home)
    rmSync(join(tmp, 'built'), {recursive: true})
    rmSync(templates, {recursive: true})
    rmSync(input)
  })
})
