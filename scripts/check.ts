import {appendFile} from 'node:fs/promises'
import {analyzeWithHistory, read} from '../src/build.ts'
import {annotations, stepSummary} from '../src/report/github.ts'
import {printable} from '../src/report/terminal.ts'
import {main, readFlags, report} from './cli.ts'

/** Lints the README without building: exit 1 on any error, 0 when there are only warnings. */
await main(async () => {
  const flags = readFlags(process.argv.slice(2))
  const file = await read(flags.input)
  // Stale table references are resolved through the README's git history, as the build does.
  await analyzeWithHistory(file, flags.input)
  const text = report([file], flags.verbose)
  console.log(text || printable(`${file.path}: no problems`))
  if (process.env['GITHUB_ACTIONS'] === 'true') {
    for (const line of annotations([file])) console.log(line)
    const summary = process.env['GITHUB_STEP_SUMMARY']
    if (summary) await appendFile(summary, stepSummary([file]))
  }
  return file.messages.some((message) => message.fatal) ? 1 : 0
})
