import {describe, expect, it} from 'vitest'
import {existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {analyzeText} from './helpers/seed.ts'
import {scriptedRepo} from './helpers/git-repo.ts'
import {analyzeWithHistory} from '../src/build.ts'
import {rules} from '../src/rules/index.ts'
import {formatMessages} from '../src/report/terminal.ts'

/**
 * One folder per rule, named by its id: `fail.md` must trigger the rule, and `fail.txt` holds every message
 * it gives, exactly as `npm run check` prints them (line, column, severity, message with its fix, rule id);
 * `pass.md` is a near miss that gives no message at all. A folder with `history/` replays those versions as
 * commits before the case, for a rule that reads the list's history. `UPDATE=1 npx vitest run test/rules.test.ts`
 * rewrites the `fail.txt` files; review the diff.
 */
const root = fileURLToPath(new URL('fixtures/rules/', import.meta.url))
const folders = readdirSync(root).sort()

async function check(id: string, name: string) {
  const value = readFileSync(join(root, id, name), 'utf8')
  const history = join(root, id, 'history')
  let file: VFile
  if (existsSync(history)) {
    // A rule that reads the list's history: `history/*.md` are committed first, one a month, then the case.
    const versions = [...readdirSync(history).sort().map((version) => readFileSync(join(history, version), 'utf8')), value]
    const repo = scriptedRepo(versions.map((text, n) => ({date: `2024-${String(n + 1).padStart(2, '0')}-01T00:00:00Z`, files: {'README.md': text}})))
    file = new VFile({path: name, value})
    await analyzeWithHistory(file, join(repo, 'README.md'))
    rmSync(repo, {recursive: true, force: true})
  } else {
    file = analyzeText(value, name).file
  }
  return {file, text: `${formatMessages([file])}\n`}
}

it('has a fixture folder for every rule, and a rule for every folder', () => {
  expect(folders).toEqual(rules.map((rule) => rule.id).sort())
})

for (const id of folders) {
  describe(id, () => {
    it('fail.md triggers it, with the expected line, column, message and rule id', async () => {
      const {file, text} = await check(id, 'fail.md')
      const expected = join(root, id, 'fail.txt')
      if (process.env['UPDATE']) writeFileSync(expected, text)
      // A missing fail.txt is a failure, not a file to write: written here, it would pin whatever the rule says today.
      expect(existsSync(expected), `${id}/fail.txt is missing: write it with UPDATE=1 and review what it pins`).toBe(true)
      expect(text).toBe(readFileSync(expected, 'utf8'))
      const own = file.messages.filter((message) => message.ruleId === id)
      expect(own.length).toBeGreaterThan(0)
      const rule = rules.find((r) => r.id === id)!
      for (const message of own) {
        expect(message.fatal).toBe(rule.severity === 'error')
        expect(message.line).toBeGreaterThan(0)
        expect(message.column).toBeGreaterThan(0)
        // Every message says how to fix it.
        expect(message.note?.length).toBeGreaterThan(10)
        expect(message.reason).toContain(`; ${message.note}`)
      }
    })

    it('pass.md, a near miss, gives no message at all', async () => {
      const {file} = await check(id, 'pass.md')
      expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([])
    })
  })
}

describe('CONTRIBUTING.md', () => {
  const guide = readFileSync(fileURLToPath(new URL('../CONTRIBUTING.md', import.meta.url)), 'utf8')

  it('explains every rule, with its fix, under its severity', () => {
    const [errors = '', warnings = ''] = guide.split('**Warnings**')
    for (const rule of rules) {
      const row = (rule.severity === 'error' ? errors : warnings).split('\n').find((line) => line.startsWith(`| \`${rule.id}\` |`))
      expect(row, rule.id).toMatch(/^\| `[a-z-]+` \| .{10,} \| .{10,} \|$/)
    }
  })

  it('shows entry forms that build into papers without any message', () => {
    const examples = [...guide.matchAll(/```markdown\n([\s\S]*?)```/g)].map((match) => match[1]!).filter((block) => /^- \[|^## Papers/m.test(block))
    expect(examples.length).toBeGreaterThanOrEqual(5)
    for (const example of examples) {
      const text = example.startsWith('## Papers') ? `# List\n\n${example}` : `# List\n\n## Papers\n\n${example}`
      const {file, graph} = analyzeText(text)
      expect(file.messages.map((m) => m.reason), example).toEqual([])
      expect(graph?.papers.length, example).toBe(1)
      expect(graph?.papers[0]?.links.length).toBeGreaterThan(0)
    }
  })
})
