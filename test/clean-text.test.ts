import {describe, expect, it} from 'vitest'
import {analyzeText, seedSource} from './helpers/seed.ts'
import {mayHoldUnwanted} from '../src/util/clean-text.ts'

describe('characters no output may carry', () => {
  it('are dropped from titles, whether written as they are or as numeric references', () => {
    const source = seedSource.replace('ShortGPT:Layers', 'ShortGPT&#1;:Lay\u0007ers&#xFFFE;')
    expect(mayHoldUnwanted(source)).toBe(true)
    const {graph} = analyzeText(source)
    const title = graph!.papers.find((paper) => paper.title.startsWith('ShortGPT'))!.title
    // The parser reads a reference to such a character as U+FFFD; the bell written as it is goes.
    expect(title).toMatch(/^ShortGPT\ufffd:Layers\ufffd in Large/)
    expect(title).not.toMatch(/[\u0001\u0007\ufffe]/)
  })

  it('are looked for in the tree only when the README may hold them', () => {
    expect(mayHoldUnwanted(seedSource)).toBe(false)
    expect(mayHoldUnwanted('Plain text, a named reference &amp; an escape \\*')).toBe(false)
    expect(mayHoldUnwanted('Über: café, 剪枝 and 😀')).toBe(false)
    expect(mayHoldUnwanted('a reference &#65;')).toBe(true)
    expect(mayHoldUnwanted('a bell \u0007')).toBe(true)
    expect(mayHoldUnwanted('a lone surrogate \ud800 here')).toBe(true)
    expect(mayHoldUnwanted('a noncharacter \ufdd0')).toBe(true)
  })
})
