import {appendFile} from 'node:fs/promises'
import {analyzeParallel, read} from '../src/build.ts'
import {annotations, stepSummary} from '../src/report/github.ts'
import {main, readFlags, report} from './cli.ts'

/** Lints the README without building: exit 1 on any error, 0 when there are only warnings. */
await main(async () => {
  const flags = readFlags(process.argv.slice(2))
  const file = await read(flags.input)
  await analyzeParallel(file)
  const text = report([file])
  console.log(text || `${file.path}: no problems`)
  if (process.env['GITHUB_ACTIONS'] === 'true') {
    for (const line of annotations([file])) console.log(line)
    const summary = process.env['GITHUB_STEP_SUMMARY']
    if (summary) await appendFile(summary, stepSummary([file]))
  }
  return file.messages.some((message) => message.fatal) ? 1 : 0
})
