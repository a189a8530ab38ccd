import {describe, expect, it} from 'vitest'
import {clip, maxTextLength} from '../src/graph/clip.ts'
import {analyzeText} from './helpers/seed.ts'

const list = (title: string, model = 'LLaMA2-7B') =>
  `# List\n\n## Papers\n\n- [1] ${title}\n  Arxiv, [Paper](https://arxiv.org/abs/2402.02834)\n\n## Models\n| Name | Paper |\n|---|---|\n| ${model} | [1] |\n`

describe('text-too-long', () => {
  it(`reports a title longer than ${maxTextLength} characters at the title, and the graph keeps it cut`, () => {
    // Just under the 100,000-character line limit, which the parser's guard would report first.
    const {file, graph} = analyzeText(list('T'.repeat(90_000)))
    const message = file.messages.find((m) => m.ruleId === 'text-too-long')
    expect(message).toMatchObject({line: 5, column: 7, fatal: true})
    expect(message?.reason).toContain('paper title is 90000 characters long')
    expect(graph!.papers[0]!.title).toHaveLength(maxTextLength)
    expect(graph!.papers[0]!.title.endsWith('…')).toBe(true)
  })

  it('reports a long model name at its cell', () => {
    const {file, graph} = analyzeText(list('Fine', 'M'.repeat(600)))
    expect(file.messages.map((m) => [m.ruleId, m.line])).toEqual([['text-too-long', 11]])
    expect(graph!.models[0]!.name).toHaveLength(maxTextLength)
  })

  it(`counts characters, not UTF-16 units: ${maxTextLength} emoji pass, and cutting never splits one`, () => {
    const {file} = analyzeText(list('🚀'.repeat(maxTextLength)))
    expect(file.messages.filter((m) => m.ruleId === 'text-too-long')).toEqual([])
    const cut = clip('🚀'.repeat(maxTextLength + 1))
    expect(Array.from(cut)).toHaveLength(maxTextLength)
    expect(cut).toBe(`${'🚀'.repeat(maxTextLength - 1)}…`)
    expect(clip('short')).toBe('short')
  })
})
