import {fixReadme} from '../src/fix/index.ts'
import {printable} from '../src/report/terminal.ts'
import {main, readFlags, report} from './cli.ts'

/**
 * `npm run fix [-- FILE] [--dry-run]`: applies, in place, every fix the rules can make without guessing,
 * prints each change on its line, then what is left for a person. Exit 1 when errors are left.
 */
await main(async () => {
  const flags = readFlags(process.argv.slice(2))
  const {file, edits, diff, written} = await fixReadme(flags.input, {dryRun: flags.dryRun})
  if (flags.dryRun && diff) console.log(diff)
  for (const edit of edits) console.log(printable(`${file.path}:${edit.line}:${edit.column}  ${edit.what}  ${edit.ruleId}`))
  const changes = `${edits.length} change${edits.length === 1 ? '' : 's'}`
  console.log(edits.length === 0 ? `${file.path}: nothing to fix` : written ? `\nFixed ${file.path}: ${changes}.` : `\nDry run: ${changes} to ${file.path}, not written.`)
  const left = report([file], flags.verbose)
  console.log(left ? `\nLeft for a person:\n${left}` : '\nNothing is left for a person.')
  return file.messages.some((message) => message.fatal) ? 1 : 0
})
