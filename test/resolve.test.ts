import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {inner} from '../src/graph/resolve.ts'

/** The definition `inner` replaces: the brackets and the spaces inside them taken off by a regular expression. */
const byRegExp = (text: string) => text.replace(/^\[\s*|\s*\]$/g, '')

describe("a table reference's inner text", () => {
  it('is the text between the brackets, without the spaces inside them', () => {
    expect(inner('[12]')).toBe('12')
    expect(inner('[ 12 ]')).toBe('12')
    expect(inner('[\u00a02401.00001v2\t]')).toBe('2401.00001v2')
    expect(inner('12')).toBe('12')
    expect(inner('[]')).toBe('')
    expect(inner('[')).toBe('')
    expect(inner(']')).toBe('')
    expect(inner('[ ]')).toBe('')
    expect(inner(' [1] ')).toBe(' [1] ')
  })

  it('equals the regular expression it replaces, on any text of brackets, spaces and digits', () => {
    const char = fc.constantFrom('[', ']', ' ', '\t', '\u00a0', '\u2003', '\ufeff', '1', '2', 'v', '.', 'x', '\ud83d')
    fc.assert(
      fc.property(fc.array(char, {maxLength: 12}), (chars) => {
        const text = chars.join('')
        expect(inner(text)).toBe(byRegExp(text))
      }),
      {numRuns: 5000}
    )
  })
})
