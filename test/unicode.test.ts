import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {sharedBrowser, Tabs} from './helpers/browser.ts'
import {serveStatic, type StaticServer} from '../scripts/shared/static-server.ts'
import {analyzeText} from './helpers/seed.ts'
import {buildSite} from './helpers/sites.ts'
import {scratch} from './helpers/scratch.ts'
import {screenshotWholePage} from '../scripts/shared/screenshot.ts'

/** Titles and names in CJK, emoji and right-to-left scripts; names whose slugs collide, in case only or otherwise. */
const readme = `# 剪枝 Awesome-LLM-Pruning 🚀

## Papers

- [1] 大语言模型剪枝综述：方法与挑战 🚀
  Arxiv, [论文](https://arxiv.org/abs/2402.02834)
- [2] تقليم النماذج اللغوية الكبيرة: دراسة
  Arxiv, [ورقة](https://arxiv.org/abs/2403.03853)
- [3] גיזום מודלי שפה גדולים 🌳
  Arxiv, [Paper](https://arxiv.org/abs/2407.00928)
- [4] ShortGPT: Layers Are Redundant
  Arxiv, [Paper](https://arxiv.org/abs/2406.16330)
- [5] SHORTGPT: Layers Are Redundant
  Arxiv, [Paper](https://arxiv.org/abs/2402.11187)
- [6] shortgpt: layers are redundant
  Arxiv, [Paper](https://arxiv.org/abs/2401.00001)
- [7] 🚀🚀🚀
  Arxiv, [Paper](https://arxiv.org/abs/2401.00002)

## Models
| Name | Paper |
|------|-------|
| 通义千问-7B | [1] |
| Qwen-7B | [1] |
| C++ | [4] |
| C# | [5] |
| Crème | [2] |
| Creme | [3] |
| نموذج | [2] |
| \u202Eevil-7B | [3] |
| \u202Eevil-13B | [3] |

## Datasets
### For Evaluation
| Name | Paper |
|------|-------|
| C-Eval 中文 | [1] |
| C-Eval 英文 | [1] |
| 🚀 | [7] |
`

const tmp = scratch('unicode')
let server: StaticServer
let browser: Browser

beforeAll(async () => {
  const input = join(tmp.dir, 'README.md')
  writeFileSync(input, readme)
  const out = await buildSite({input, out: join(tmp.dir, 'dist'), base: '/'})
  server = await serveStatic(out, '/')
  browser = await sharedBrowser()
  mkdirSync(join(process.cwd(), 'test-results', 'screenshots'), {recursive: true})
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  tmp.dispose()
})

describe('slugs', () => {
  const {graph} = analyzeText(readme)
  const ids = (list: Array<{id: string}>) => list.map((entity) => entity.id)

  it('are ASCII and URL-safe for every script, and unique within their kind', () => {
    for (const list of [graph!.papers, graph!.models, graph!.datasets, graph!.sections]) {
      for (const id of ids(list)) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(new Set(ids(list)).size).toBe(list.length)
    }
  })

  it('resolve collisions in list order, including titles that differ only in case', () => {
    expect(ids(graph!.papers).slice(3, 6)).toEqual(['shortgpt', 'shortgpt-layers-are-redundant', 'shortgpt-2401-00001'])
    expect(graph!.models.map((m) => [m.name, m.id]).slice(2, 6)).toEqual([['C++', 'c'], ['C#', 'c-2'], ['Crème', 'creme'], ['Creme', 'creme-2']])
    expect(graph!.datasets.map((d) => d.id).slice(0, 2)).toEqual(['c-eval', 'c-eval-2'])
  })

  it('are stable: the same on every run, and unchanged by entries added after them', () => {
    const again = analyzeText(readme).graph!
    expect(ids(again.papers)).toEqual(ids(graph!.papers))
    expect(ids(again.models)).toEqual(ids(graph!.models))
    const grown = analyzeText(readme.replace('## Models', '- [8] ShortGPT: Again\n  Arxiv, [Paper](https://arxiv.org/abs/2401.00003)\n\n## Models').replace('| \u202Eevil-13B | [3] |', '| \u202Eevil-13B | [3] |\n| c | [8] |')).graph!
    expect(ids(grown.papers).slice(0, 7)).toEqual(ids(graph!.papers))
    expect(ids(grown.models).slice(0, graph!.models.length)).toEqual(ids(graph!.models))
    expect(ids(grown.models).at(-1)).toBe('c-3')
  })
})

describe('CJK, emoji and right-to-left text in Chromium', () => {
  let tabs: Tabs | undefined
  async function open(path: string): Promise<Page> {
    tabs ??= new Tabs(browser)
    return tabs.open(server.url + path, {viewport: {width: 1100, height: 800}})
  }

  it('shows each title whole on its page, right-to-left ones laid out right to left', async () => {
    const {graph} = analyzeText(readme)
    for (const [n, direction] of [[0, 'ltr'], [1, 'rtl'], [2, 'rtl'], [6, 'ltr']] as const) {
      const paper = graph!.papers[n]!
      const page = await open(`papers/${paper.id}/`)
      const h1 = page.locator('h1')
      expect(await h1.textContent()).toBe(paper.title)
      expect(await h1.evaluate((el) => getComputedStyle(el).direction)).toBe(direction)
      // Every character has a glyph in the page's fonts: none is drawn as the same box as a character no font has.
      const missing = await h1.evaluate((el) => {
        const canvas = document.createElement('canvas')
        canvas.width = 64
        canvas.height = 64
        const context = canvas.getContext('2d', {willReadFrequently: true})!
        context.font = getComputedStyle(el).font
        const draw = (char: string) => {
          context.clearRect(0, 0, 64, 64)
          context.fillText(char, 4, 48)
          return Array.from(context.getImageData(0, 0, 64, 64).data).join()
        }
        const tofu = draw('\u{10FFFD}')
        // U+10FFFC, which no font has, shows the check can fail.
        return Array.from(new Set(Array.from(`${el.textContent!.replace(/\s/g, '')}\u{10FFFC}`))).filter((char) => draw(char) === tofu)
      })
      expect(missing).toEqual(['\u{10FFFC}'])
      if (n === 2) await page.screenshot({path: join(process.cwd(), 'test-results', 'screenshots', 'unicode-rtl-paper.png')})
      await tabs!.done(page)
    }
  })

  it('keeps a name that starts with a right-to-left override from reversing the rest of the tab title', async () => {
    const page = await open('models/evil-7b/')
    const title = await page.title()
    expect(title).toBe('\u2068\u202Eevil-7B\u2069 · 剪枝 Awesome-LLM-Pruning 🚀')
    // Titles without bidi controls stay as they were.
    const plain = await open('models/qwen-7b/')
    expect(await plain.title()).toBe('Qwen-7B · 剪枝 Awesome-LLM-Pruning 🚀')
    await tabs!.done(page)
    await plain.close()
  })

  it('lays a right-to-left title in the paper list out right to left, its emoji at the end (on the left)', async () => {
    const page = await open('')
    const title = page.locator('.paper-title', {hasText: 'גיזום'})
    const box = await title.evaluate((el) => {
      const text = (el.matches('a') ? el : el.querySelector('a')!).firstChild!
      const range = document.createRange()
      const s = text.textContent!
      const emoji = s.indexOf('🌳')
      range.setStart(text, emoji)
      range.setEnd(text, emoji + 2)
      const emojiBox = range.getBoundingClientRect()
      range.setStart(text, 0)
      range.setEnd(text, 4)
      const firstWord = range.getBoundingClientRect()
      return {emojiRight: emojiBox.right, firstWordLeft: firstWord.left}
    })
    expect(box.emojiRight).toBeLessThanOrEqual(box.firstWordLeft)
    await screenshotWholePage(page, join(process.cwd(), 'test-results', 'screenshots', 'unicode-home.png'))
    await tabs!.done(page)
  })
})
