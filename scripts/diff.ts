import {parseArgs} from 'node:util'
import {diffRevisions} from '../src/diff/revisions.ts'
import {formatTerminal} from '../src/diff/format-terminal.ts'
import {formatMarkdown} from '../src/diff/format-markdown.ts'
import {formatJson} from '../src/diff/format-json.ts'
import {main} from './cli.ts'

const usage = `Usage: npm run diff -- [BASE [HEAD]] [--markdown | --json] [--input FILE]

What a change does to the list: papers added, removed, changed and renumbered, table citations, new names
(with look-alikes flagged), references re-pointed by a renumbering, and the findings it introduced and fixed.

  BASE            a git revision (default: the merge base with origin/HEAD, else main or master)
  HEAD            a git revision (default: the working tree)
  --input FILE    the README                                    (content/README.md)
  --markdown      markdown, for $GITHUB_STEP_SUMMARY
  --json          the ListDiff object of src/diff/types.ts
  -h, --help      this text`

/** `npm run diff`: compares the README at two revisions. Exit 0 whatever it finds; 2 when it cannot compare. */
await main(async () => {
  const {values, positionals} = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {input: {type: 'string'}, markdown: {type: 'boolean'}, json: {type: 'boolean'}, help: {type: 'boolean', short: 'h'}}
  })
  if (values.help) {
    console.log(usage)
    return 0
  }
  if (positionals.length > 2) throw new Error(`expected at most BASE and HEAD, got ${positionals.length} revisions (--help shows the usage)`)
  const {diff} = await diffRevisions({input: values.input ?? 'content/README.md', base: positionals[0], head: positionals[1]})
  const color = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR']
  process.stdout.write(values.json ? formatJson(diff) : values.markdown ? formatMarkdown(diff) : formatTerminal(diff, {color}))
  return 0
})
