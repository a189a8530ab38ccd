import {appendFile} from 'node:fs/promises'
import {analyze, readList} from '../src/build.ts'
import {splitMessages} from '../src/extract/inputs.ts'
import {annotations, stepSummary} from '../src/report/github.ts'
import {main, readFlags, readingReport, report} from './cli.ts'

/** Lints the README without building: exit 1 on any error, 0 when there are only warnings. */
await main(async () => {
  const flags = readFlags(process.argv.slice(2))
  const file = await readList(flags)
  analyze(file, {form: flags.form})
  const files = splitMessages(file)
  const text = report(files)
  const reading = readingReport(file)
  if (reading) console.log(`${reading}\n`)
  console.log(text || `${file.path}: no problems`)
  if (process.env['GITHUB_ACTIONS'] === 'true') {
    for (const line of annotations(files)) console.log(line)
    const summary = process.env['GITHUB_STEP_SUMMARY']
    if (summary) await appendFile(summary, stepSummary(files))
  }
  return files.some((each) => each.messages.some((message) => message.fatal)) ? 1 : 0
})
