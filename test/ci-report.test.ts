import {afterAll, describe, expect, it} from 'vitest'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Nodes as Hast} from 'hast'
import {raw} from 'hast-util-raw'
import {toHast} from 'mdast-util-to-hast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {cli} from '../scripts/shared/cli.ts'

/**
 * `npm run check` on GitHub Actions, on a pull request's README: whatever it holds must reach the CI log
 * as text, never as a workflow command, and the step summary as text, never as HTML or markdown.
 */
const tmp = mkdtempSync(join(tmpdir(), 'site-ci-report-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

// The folder's name reaches the log too, as the place of every message.
const folder = join(tmp, 'pr ##[add-mask]folder ::error::forged')
mkdirSync(folder)
const file = join(folder, 'README.md')
const payload = '`<img src=https://evil.example/i.png> ![m](https://evil.example/m.png) [l](https://evil.example) www.evil.example | a@evil.example *em* <b>bold</b> &amp;'
writeFileSync(
  file,
  `# L

## Papers
- [1] Title ##[error]forged ::warning::x
  Arxiv, [Paper](https://arxiv.org/abs/2401.00001)

## Models
| Name | Paper |
|---|---|
| x ##[stop-commands]resume | [9] |
| y ${payload.replace(/[`![\]|*<&]/g, '\\$&')} | [9] |
`
)
const summary = join(tmp, 'summary.md')
writeFileSync(summary, '')
const run = spawnSync(...cli('check', file), {
  encoding: 'utf8',
  env: {...process.env, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary}
})

describe('the CI log', () => {
  const lines = `${run.stdout}\n${run.stderr}`.split('\n')

  it('holds no workflow command but the annotations, whose data and properties hold none either', () => {
    expect(run.status).toBe(1)
    const annotations = lines.filter((line) => line.trimStart().startsWith('::'))
    expect(annotations).toHaveLength(2)
    for (const line of lines) {
      // The runner reads `##[command]` anywhere in a line, and `::command …::` at its start.
      expect(line).not.toContain('##[')
      const own = /^::(?:error|warning) [^:]*::(.*)$/.exec(line)
      expect(own ? own[1] : line).not.toContain('::')
    }
  })

  it('still shows what the README says, with the command characters escaped', () => {
    expect(run.stdout).toContain('Reference [9] in `x #\\u{23}[stop-commands]resume` matches no paper')
    expect(run.stdout).toContain('pr #\\u{23}[add-mask]folder :\\u{3a}error:\\u{3a}forged/README.md:10:31  error')
    expect(run.stdout).toContain('file=')
  })
})

describe('the step summary', () => {
  const markdown = readFileSync(summary, 'utf8')
  // As GitHub renders it: GFM with its HTML, which an HTML parser then reads as a browser would.
  const hast = raw(toHast(unified().use(remarkParse).use(remarkGfm).parse(markdown), {allowDangerousHtml: true}))
  const nodes: Hast[] = []
  const walk = (node: Hast) => {
    nodes.push(node)
    if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(hast)
  const text = (node: Hast): string => (node.type === 'text' ? node.value : 'children' in node ? node.children.map(text).join('') : '')

  it('renders no image, link, HTML or markdown of the README’s', () => {
    const elements = new Set(nodes.flatMap((node) => (node.type === 'element' ? [node.tagName] : [])))
    expect([...elements].sort()).toEqual(['code', 'h2', 'p', 'table', 'tbody', 'td', 'th', 'thead', 'tr'])
  })

  it('shows it as text, one row per message in four cells', () => {
    const rows = nodes.filter((node) => node.type === 'element' && node.tagName === 'tr')
    const cells = rows.map((row) => (row.type === 'element' ? row.children.filter((cell) => cell.type === 'element').map(text) : []))
    expect(cells.map((row) => row.length)).toEqual([4, 4, 4])
    expect(cells[2]![1]).toMatch(/\/pr #\\u\{23\}\[add-mask\]folder :\\u\{3a\}error:\\u\{3a\}forged\/README\.md:11:\d+$/)
    expect(cells[2]![2]).toContain(`Reference [9] in \`y ${payload}\` matches no paper`)
  })
})
