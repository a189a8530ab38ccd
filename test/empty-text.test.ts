import {describe, expect, it} from 'vitest'
import {renderSite} from '../src/render/index.ts'
import {analyzeText, completed} from './helpers/seed.ts'
import {validatePages} from './helpers/validate-html.ts'
import {fakeAssets} from '../scripts/fuzz/readme.ts'

/** A README whose texts are empty where a contributor can leave them empty: built best-effort, as --allow-errors does. */
const readme = `# List

## Papers

- [1]
  Arxiv, [](https://arxiv.org/abs/2402.02834)

##

- [2] A paper under an empty heading
  Arxiv, [Paper](https://arxiv.org/abs/2403.03853)

## Models
| Name | Paper |
|---|---|
| LLaMA2-7B | [1],[2] |

## Tools
- [](https://github.com/open-compass/opencompass)
- [](mailto:someone@example.org)
`

describe('empty texts in the README', () => {
  it('never render as empty links or labels: every anchor and facet value has a name', async () => {
    const {graph, file} = analyzeText(readme)
    expect(file.messages.some((m) => m.ruleId === 'paper-missing-title')).toBe(true)
    const pages = renderSite(completed(graph!), {base: '/', siteUrl: undefined, sourceHref: undefined, assets: fakeAssets})
    const list = [...pages].map(([path, html]) => ({path, file: path, html}))
    expect(await validatePages(list)).toEqual([])
    for (const {path, html} of list) {
      expect(html, path).not.toMatch(/<a [^>]*><\/a>/)
      expect(html, path).not.toMatch(/<span class="facet-name"><\/span>/)
      expect(html, path).not.toMatch(/<h[1-6][^>]*><\/h[1-6]>/)
    }
    expect(pages.get('tools/index.html')).toContain('>github.com</a>')
    expect(pages.get('tools/index.html')).toContain('>mailto:someone@example.org</a>')
  })
})
