import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import type {Nodes} from 'mdast'
import {analyzeVersion} from '../src/diff/version.ts'
import {compareLists} from '../src/diff/compare.ts'
import {formatMarkdown} from '../src/diff/format-markdown.ts'
import {syntheticReadme} from '../scripts/bench/readme.ts'
import {edit} from './helpers/pull-request.ts'
import {seedSource} from './helpers/seed.ts'

/** The job summary is markdown that anyone can put text into with a pull request: it must stay what it says, and stay readable. */
function markdownOf(base: string, head: string): string {
  const side = {rev: null, commit: null, label: 'working tree'}
  return formatMarkdown(compareLists(analyzeVersion('README.md', base), analyzeVersion('README.md', head), {file: 'README.md', base: side, head: side}).diff)
}

function nodes(markdown: string): Nodes[] {
  const all: Nodes[] = []
  const visit = (node: Nodes) => {
    all.push(node)
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  visit(unified().use(remarkParse).use(remarkGfm).parse(markdown))
  return all
}

describe('README text in the summary', () => {
  const hostile = 'Evil *bold* [click](https://evil.example) <img src=x onerror=alert(1)> | cell ![i](https://evil.example/i.png) $x^2$ `code'
  const markdown = markdownOf(seedSource, edit(seedSource,
    ['  Arxiv, [Paper](https://arxiv.org/pdf/2402.11187)\n', `  Arxiv, [Paper](https://arxiv.org/pdf/2402.11187)\n- [6] ${hostile}\n  Arxiv, [Paper](https://arxiv.org/abs/2406.10594)\n`],
    ['| Gemma-2B |  [3] |', `| Gemma-2B |  [3] |\n| ${hostile.replace('|', '\\|')} | [6] |`]
  ))
  const tree = nodes(markdown)

  it('makes no markup of it: no emphasis, image, HTML element or link but the paper\'s own', () => {
    expect(tree.filter((node) => ['emphasis', 'strong', 'image', 'inlineMath', 'math'].includes(node.type))).toEqual([])
    expect(tree.filter((node) => node.type === 'html').map((node) => (node as {value: string}).value).filter((html) => !/^<\/?(code|details|summary|br)>$/.test(html) && !html.startsWith('<details><summary>'))).toEqual([])
    expect(new Set(tree.filter((node) => node.type === 'link').map((node) => (node as {url: string}).url))).toEqual(new Set(['https://arxiv.org/abs/2406.10594']))
  })

  it('keeps every table row to its cells: a pipe in a title does not split one', () => {
    for (const table of tree.filter((node) => node.type === 'table')) {
      const [head, ...rows] = (table as {children: Array<{children: unknown[]}>}).children
      for (const row of rows) expect(row.children).toHaveLength(head!.children.length)
    }
  })
})

describe('a change to hundreds of references', () => {
  // 400 papers, one inserted as [2] with the entries renumbered and the tables left alone.
  const base = syntheticReadme({papers: 400, form: 'flat'})
  const head = base
    .replace(/^- \[(\d+)\]/gm, (entry, n: string) => (Number(n) >= 2 ? `- [${Number(n) + 1}]` : entry))
    .replace(/^- \[3\] /m, '- [2] Inserted: A Paper\n  Arxiv, [Paper](https://arxiv.org/abs/2501.00001)\n- [3] ')
  const markdown = markdownOf(base, head)

  it('folds a long table and counts what it does not show, so the summary stays under GitHub\'s limit', () => {
    const rows = /### References re-pointed by a renumbering\n\n<details><summary>(\d+) rows<\/summary>\n\n/.exec(markdown)
    expect(Number(rows?.[1])).toBeGreaterThan(200)
    expect(markdown).toContain(`…and ${Number(rows![1]) - 200} more: \`npm run diff\` lists them all.\n\n</details>`)
    expect(Buffer.byteLength(markdown)).toBeLessThan(1024 * 1024)
  })
})
