import {parseArgs} from 'node:util'
import {formatMessages, printable} from '../src/report/terminal.ts'
import type {VFile} from 'vfile'

/** Shared by the command-line wrappers: flags, the report, and a last guard against stack traces. */
export function readFlags(args: string[]) {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      input: {type: 'string'},
      out: {type: 'string'},
      base: {type: 'string'},
      'site-url': {type: 'string'},
      'source-url': {type: 'string'},
      'allow-errors': {type: 'boolean'},
      since: {type: 'string'},
      'new-errors-only': {type: 'boolean'},
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
  const repo = process.env['GITHUB_REPOSITORY']
  return {
    input: values.input ?? positionals[0] ?? 'content/README.md',
    out: values.out ?? 'dist',
    base: values.base,
    siteUrl: values['site-url'],
    sourceHref: values['source-url'] ?? (repo ? `https://github.com/${repo}/blob/HEAD/content/README.md` : undefined),
    allowErrors: values['allow-errors'] ?? false,
    since: values.since,
    newErrorsOnly: values['new-errors-only'] ?? false,
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
    dryRun: values['dry-run'] ?? false
  }
}

const usage = `Usage: npm run build|check|dev|fix -- [README] [flags]

  --input FILE        the README                                    (content/README.md)
  --out DIR           the output folder (build)                     (dist)
  --base PATH         the path the site is served under, e.g. /Awesome-LLM-Pruning/   (/)
  --site-url URL      the site's absolute URL, for canonical links
  --source-url URL    the README's page on GitHub, linked from the footer
  --allow-errors      render what can be resolved despite errors (build)
  --since REV         tell this change's findings from those REV already had (check);
                      on GitHub Actions, annotate this change's own findings first
  --new-errors-only   fail only on errors the change introduced (check; implies --since the merge base)
  --port N            the preview's port (dev)                      (5173)
  --quiet             no summary line
  --verbose           list every message, also those folded into a summary line
  --dry-run           print the fixes as a unified diff and write nothing (fix)
  -h, --help          this text

Every problem is printed as file:line:column, with its rule and how to fix it.`

export function report(files: VFile[], verbose = false): string {
  return formatMessages(files, {verbose})
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
