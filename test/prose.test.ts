import {describe, expect, it} from 'vitest'
import {proseToHtml} from '../src/render/markdown.ts'
import {analyzeText} from './helpers/seed.ts'

/** The intro of a README, rendered as the home page shows it. */
function intro(markdown: string): string {
  const {graph} = analyzeText(`# List\n\n${markdown}\n`)
  return proseToHtml(graph!.intro)
}

describe('prose from the README', () => {
  it('resolves reference-style links and images, wherever their definition sits', () => {
    const html = intro('See [the docs][docs] and ![badge][img].\n\n[docs]: https://example.org/docs "Docs"\n[img]: https://img.example/b.svg')
    expect(html).toContain('<a href="https://example.org/docs" title="Docs" rel="noopener noreferrer">the docs</a>')
    expect(html).toContain('<img src="https://img.example/b.svg" alt="badge">')
    expect(html).not.toContain('[docs]')
  })

  it('reads a paper entry whose links are reference-style', () => {
    const {graph, file} = analyzeText('# List\n\n## Papers\n\n- [1] A Paper\n  Arxiv, [Paper][p]\n\n[p]: https://arxiv.org/abs/2402.02834\n')
    expect(file.messages.filter((m) => m.fatal)).toEqual([])
    expect(graph!.papers[0]!.links.map((l) => l.href)).toEqual(['https://arxiv.org/abs/2402.02834'])
  })

  it('never lets a reference definition smuggle in an unsafe URL', () => {
    const html = intro('[click][x] ![img][y] [v][z]\n\n[x]: javascript:alert(1)\n[y]: data:image/svg+xml;base64,PHN2Zz4=\n[z]: VBScript:msgbox(1)')
    expect(html).toBe('<p><a>click</a> img <a>v</a></p>')
  })

  it('keeps footnotes linked both ways, with ids unique to their block', () => {
    const html = intro('A claim.[^1]\n\n[^1]: The source.')
    const ids = Array.from(html.matchAll(/ id="([^"]+)"/g), (m) => m[1]!)
    const hrefs = Array.from(html.matchAll(/ href="#([^"]+)"/g), (m) => m[1]!)
    const described = Array.from(html.matchAll(/ aria-describedby="([^"]+)"/g), (m) => m[1]!)
    expect(ids.length).toBeGreaterThanOrEqual(3)
    for (const id of ids) expect(id).toMatch(/^note-\d+-/)
    expect(hrefs.length).toBe(2)
    for (const target of [...hrefs, ...described]) expect(ids).toContain(target)
    // Two blocks with the same footnote on one page do not share ids.
    const {graph} = analyzeText('# List\n\nA.[^1]\n\n[^1]: One.\n\n## Notes\n\nB.[^2]\n\n[^2]: Two.\n')
    const other = proseToHtml(graph!.prose[0]!.nodes)
    const otherIds = Array.from(other.matchAll(/ id="([^"]+)"/g), (m) => m[1]!)
    for (const id of otherIds) expect(ids).not.toContain(id)
  })

  it('keeps only https images: relative, protocol-relative and http sources show their alt text', () => {
    const html = intro('![a](//evil.example/x.png) ![b](../x.png) ![c](http://plain.example/x.png) ![d](https://img.example/d.png)')
    expect(html).toBe('<p>a b c <img src="https://img.example/d.png" alt="d"></p>')
  })

  it('drops fragment links that point at nothing on the page', () => {
    expect(intro('Jump to [Models](#models).')).toBe('<p>Jump to <a>Models</a>.</p>')
  })

  it('writes table alignment as classes, not the deprecated align attribute, and names task-list checkboxes', () => {
    const html = intro('| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] Done thing\n- [ ] Open thing')
    expect(html).not.toContain('align=')
    expect(html).toContain('<th class="align-left">a</th>')
    expect(html).toContain('<td class="align-right">2</td>')
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="Done thing">')
    expect(html).toContain('<input type="checkbox" disabled aria-label="Open thing">')
  })

  it('drops raw HTML and unsafe links, and escapes what is left', () => {
    const html = intro('<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> [x](javascript:alert(1)) &lt;b&gt; <svg onload=alert(1)>')
    expect(html).toBe('<p>Text  <a>x</a> &#x3C;b> </p>')
  })
})
