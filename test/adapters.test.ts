import {describe, expect, it} from 'vitest'
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {analyze} from '../src/build.ts'
import {adapters} from '../src/extract/adapters/index.ts'
import {isCleanTitle} from '../src/extract/adapters/title.ts'
import {scoreEntry} from '../src/extract/detect.ts'

/**
 * One folder per list form, named as `--form` names it (issue 12, point 2). `pass.md` is written in the
 * form: detection picks it in every section, reads every entry with a clean title, and gives what
 * `pass.json` holds (`UPDATE=1 npx vitest run test/adapters.test.ts` rewrites it; review the diff).
 * `fail.md` is a near miss in other forms: detection picks another, and forcing this one (`--form`)
 * reads the entries worse.
 */
const root = fileURLToPath(new URL('fixtures/adapters/', import.meta.url))
const folders = readdirSync(root).sort()

function read(name: string, file: string, form?: string) {
  const vfile = new VFile({path: file, value: readFileSync(join(root, name, file), 'utf8')})
  const result = analyze(vfile, {form})!
  return {file: vfile, raw: result.raw, score: result.raw.papers.reduce((sum, paper) => sum + scoreEntry(paper), 0)}
}

it('has a fixture folder for every form, and a form for every folder', () => {
  expect(folders).toEqual(adapters.map((adapter) => adapter.name).sort())
})

for (const name of folders) {
  describe(name, () => {
    it('pass.md: detection picks it, and every entry reads cleanly, as pass.json holds', () => {
      const {file, raw} = read(name, 'pass.md')
      expect(raw.reading.forms.map((form) => form.name)).toEqual(raw.reading.forms.map(() => name))
      expect(raw.reading.read).toBe(raw.reading.links)
      expect(raw.papers.filter((paper) => !isCleanTitle(paper.title)).map((paper) => paper.title)).toEqual([])
      expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([])
      const readings = raw.papers.map((paper) => ({
        title: paper.title,
        number: paper.number ?? null,
        venue: paper.venue,
        labels: paper.labels,
        summary: paper.summary ?? null,
        links: paper.links.map((link) => `${link.label} ${link.href}`),
        line: paper.position?.start.line
      }))
      const expected = join(root, name, 'pass.json')
      const text = `${JSON.stringify(readings, null, 2)}\n`
      if (process.env['UPDATE'] || !existsSync(expected)) writeFileSync(expected, text)
      expect(text).toBe(readFileSync(expected, 'utf8'))
    })

    it('fail.md: detection picks another form, and forcing this one reads the entries worse', () => {
      const detected = read(name, 'fail.md')
      const forced = read(name, 'fail.md', name)
      expect(detected.raw.reading.forms.map((form) => form.name)).not.toContain(name)
      expect(forced.score).toBeLessThan(detected.score)
    })
  })
}
