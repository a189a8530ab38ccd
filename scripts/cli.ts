import {parseArgs} from 'node:util'
import {setFlagsFromString} from 'node:v8'
import {formatMessages, printable} from '../src/report/terminal.ts'
import {formNames} from '../src/extract/adapters/index.ts'
import {readingLines} from '../src/extract/reading.ts'
import type {VFile} from 'vfile'

// V8 lets its heap grow to several times what is live before it collects again: on 5 MB of dense markup the
// parser's garbage took the check to 1.4 GB with 400 MB live. Growing by half at a time keeps that under 1 GB,
// for about 15% more CPU; unlike a heap limit, it cannot end a run that needs more.
setFlagsFromString('--heap-growing-percent=50')

/** Shared by the command-line wrappers: flags, the report, and a last guard against stack traces. */
export function readFlags(args: string[]) {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      input: {type: 'string', multiple: true},
      follow: {type: 'boolean'},
      out: {type: 'string'},
      base: {type: 'string'},
      'site-url': {type: 'string'},
      'source-url': {type: 'string'},
      'allow-errors': {type: 'boolean'},
      since: {type: 'string'},
      'new-errors-only': {type: 'boolean'},
      form: {type: 'string'},
      quiet: {type: 'boolean'},
      verbose: {type: 'boolean'},
      'dry-run': {type: 'boolean'},
      help: {type: 'boolean', short: 'h'}
    }
  })
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  if (values.form !== undefined && !formNames.includes(values.form)) throw new Error(`--form ${values.form} is no form the site reads; use one of ${formNames.join(', ')}`)
  const repo = process.env['GITHUB_REPOSITORY']
  const inputs = [...(values.input ?? []), ...positionals]
  return {
    input: inputs[0] ?? 'content/README.md',
    also: inputs.slice(1),
    follow: values.follow ?? false,
    out: values.out ?? 'dist',
    base: values.base,
    siteUrl: values['site-url'],
    sourceHref: values['source-url'] ?? (repo ? `https://github.com/${repo}/blob/HEAD/content/README.md` : undefined),
    allowErrors: values['allow-errors'] ?? false,
    since: values.since,
    newErrorsOnly: values['new-errors-only'] ?? false,
    form: values.form,
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
    dryRun: values['dry-run'] ?? false
  }
}

const usage = `Usage: npm run build|check|dev|fix -- [README] [flags]

  --input FILE        the README                                    (content/README.md)
                      again for each further file of the list: --input a.md --input b.md
  --follow            also read the markdown files the README links to in its folder
                      (those that link to papers), as parts of the list
  --out DIR           the output folder (build)                     (dist)
  --base PATH         the path the site is served under, e.g. /Awesome-LLM-Pruning/   (/)
  --site-url URL      the site's absolute URL, for canonical links
  --source-url URL    the README's page on GitHub, linked from the footer
  --allow-errors      render what can be resolved despite errors (build)
  --since REV         tell this change's findings from those REV already had (check);
                      on GitHub Actions, annotate this change's own findings first
  --new-errors-only   fail only on errors the change introduced (check; implies --since the merge base)
  --form NAME         read every section's entries in this form: ${formNames.join(', ')}
                      (detected per section by default)
  --port N            the preview's port (dev)                      (5173)
  --quiet             no summary line
  --verbose           list every message, also those folded into a summary line
  --dry-run           print the fixes as a unified diff and write nothing (fix)
  -h, --help          this text

Every problem is printed as file:line:column, with its rule and how to fix it.`

export function report(files: VFile[], verbose = false): string {
  return formatMessages(files, {verbose})
}

/** What was read, per section, and the coverage line: `read 338 papers from 340 paper links (99%)`. */
export function readingReport(file: VFile): string {
  // Section titles are README text: the CI log must not read them as runner commands.
  return file.data.reading ? readingLines(file.data.reading).map(printable).join('\n') : ''
}

/** Runs a command; any failure is printed as one readable line, never as a stack trace (set DEBUG=1 for one). */
export async function main(run: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await run()
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    const code = (error as NodeJS.ErrnoException).code
    const hint = code?.startsWith('ERR_PARSE_ARGS') ? ' (--help lists the flags)' : ''
    // The message may quote the README or a path; either could hold a runner command.
    console.error(printable(`error: ${code === 'ENOENT' ? `cannot read ${(error as NodeJS.ErrnoException).path}: no such file` : text}${hint}`))
    if (process.env['DEBUG']) console.error(error)
    process.exitCode = 2
  }
}
