import {appendFile} from 'node:fs/promises'
import {analyzeWithHistory, readList} from '../src/analyze.ts'
import {splitMessages} from '../src/extract/inputs.ts'
import {metaPathFor, readMetaCache} from '../src/meta/cache.ts'
import {annotations, stepSummary} from '../src/report/github.ts'
import {printable} from '../src/report/terminal.ts'
import {ownFindings, ownFirstAnnotations} from '../src/diff/own-findings.ts'
import {versionOf} from '../src/diff/version.ts'
import {plural} from '../src/diff/words.ts'
import {main, readFlags, readingReport, report} from './cli.ts'

/**
 * Lints the README without building: exit 1 on any error, 0 when there are only warnings. With `--since REV`
 * it also tells the change's own findings from those REV already had; `--new-errors-only` fails only on errors
 * the change introduced.
 */
await main(async () => {
  const flags = readFlags(process.argv.slice(2))
  const file = await readList(flags)
  // Stale table references are resolved through the README's git history, as the build does.
  const result = await analyzeWithHistory(file, flags.input, {form: flags.form})
  // The metadata cache the build would complete the graph with, read by the build's reader: its errors fail the check as they stop the build.
  const meta = readMetaCache(metaPathFor(flags.input))
  const files = [...splitMessages(file), ...(meta.file.messages.length > 0 ? [meta.file] : [])]
  const text = report(files, flags.verbose)
  const reading = readingReport(file)
  if (reading) console.log(`${reading}\n`)
  console.log(text || printable(`${file.path}: no problems`))
  const compared = flags.since !== undefined || flags.newErrorsOnly ? await ownFindings(versionOf(file, result), {input: flags.input, since: flags.since}) : undefined
  if (compared) {
    const errors = [...compared.introduced].filter((message) => message.fatal).length
    console.log(printable(`Since ${compared.base}: this change introduced ${plural(errors, 'error')} and ${plural(compared.introduced.size - errors, 'warning')}; ${compared.preexisting.length} of the findings were already there.`))
  }
  if (process.env['GITHUB_ACTIONS'] === 'true') {
    for (const line of compared ? ownFirstAnnotations(file, compared) : annotations(files)) console.log(line)
    const summary = process.env['GITHUB_STEP_SUMMARY']
    if (summary) await appendFile(summary, stepSummary(files))
  }
  const failing = flags.newErrorsOnly && compared ? [...compared.introduced] : files.flatMap((each) => each.messages)
  return failing.some((message) => message.fatal) ? 1 : 0
})
