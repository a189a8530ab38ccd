import {readFileSync, readdirSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'

/**
 * Templates are dumb (issue 10): the view data built in src/render/pages/ gives them every word, href,
 * plural and threshold, so that a wording or a rule is changed, and tested, in TypeScript. This reads every
 * template and names each place that decides something only code should.
 */
const root = join(import.meta.dirname, '..', 'templates')
const templates = readdirSync(root, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.eta')).sort()

interface Finding {
  file: string
  line: number
  rule: string
  text: string
}

/** The JavaScript inside each tag (`<% … %>`, `<%= … %>`, `<%~ … %>`), with its line; comments left out. */
function codeOf(source: string): Array<{code: string; line: number}> {
  const found: Array<{code: string; line: number}> = []
  for (const match of source.matchAll(/<%[=~]?([\s\S]*?)%>/g)) {
    const code = match[1]!.replace(/\/\*[\s\S]*?\*\//g, '')
    found.push({code, line: source.slice(0, match.index).split('\n').length})
  }
  return found
}

/** The code with its string literals emptied, so that a digit or a word inside a string is not read as code. */
function withoutStrings(code: string): string {
  return code.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''")
}

/** The rules, each a test on one tag's code (strings emptied, or as written). */
const codeRules: Array<{rule: string; test: (code: string, bare: string) => boolean}> = [
  {rule: 'a number (a threshold or a count belongs in the view data)', test: (_, bare) => /(?<![\w$.])\d+(?:\.\d+)?(?![\w$])/.test(bare)},
  {rule: 'a plural chosen by a count', test: (_, bare) => /[!=]==?\s*1\s*\?/.test(bare)},
  {rule: "a word's plural built by adding 's'", test: (code) => /\+\s*'s'|'s'\s*:|:\s*'s'/.test(code)},
  {rule: 'wording chosen in the template (a choice between two strings)', test: (code) => /\?\s*(['"`])(?:(?!\1).)*\1\s*:\s*(['"`])/.test(code)},
  {rule: 'an href computed in the template', test: (code) => /\.startsWith\(\s*'#'/.test(code)}
]

function findings(file: string): Finding[] {
  const source = readFileSync(join(root, file), 'utf8')
  const out: Finding[] = []
  for (const {code, line} of codeOf(source)) {
    for (const {rule, test} of codeRules) if (test(code, withoutStrings(code))) out.push({file, line, rule, text: code.trim()})
  }
  // An href is written out (`#main`) or is one value from the view data (through `it.url` at most), never text joined around it.
  for (const match of source.matchAll(/href="([^"]*)"/g)) {
    const value = match[1]!
    if (!value.includes('<%') || (/^<%=[^%]*%>$/.test(value) && !/[+?`]/.test(value))) continue
    out.push({file, line: source.slice(0, match.index).split('\n').length, rule: 'an href built from pieces in the template', text: value})
  }
  return out
}

describe('templates hold no logic that the view data should', () => {
  it('reads every template', () => {
    expect(templates.length).toBeGreaterThan(20)
  })
  it.each(templates)('%s', (file) => {
    const found = findings(file).map((finding) => `${relative(process.cwd(), join(root, finding.file))}:${finding.line}: ${finding.rule}: ${finding.text}`)
    expect(found).toEqual([])
  })
  it('finds the kinds of logic it looks for', () => {
    // The rules, on a made-up template, so that a rule that stops matching is noticed.
    const sample = ['<% if (it.papers.length > 200) { %>', "<%= n === 1 ? 'paper' : 'papers' %>", "<%= kind + 's' %>", "<%= it.kind === 'dataset' ? 'benchmark' : 'model' %>", "<%= href.startsWith('#') ? href : it.url(href) %>"]
    const found = sample.flatMap((line) => codeOf(line).flatMap(({code}) => codeRules.filter(({test}) => test(code, withoutStrings(code))).map(({rule}) => rule)))
    expect(new Set(found).size).toBe(codeRules.length)
  })
})
