import {parseArgs} from 'node:util'
import {setFlagsFromString} from 'node:v8'
import {formatMessages} from '../src/report/terminal.ts'
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
      input: {type: 'string'},
      out: {type: 'string'},
      base: {type: 'string'},
      'site-url': {type: 'string'},
      'source-url': {type: 'string'},
      'allow-errors': {type: 'boolean'},
      quiet: {type: 'boolean'},
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
    quiet: values.quiet ?? false
  }
}

const usage = `Usage: npm run build|check|dev -- [README] [flags]

  --input FILE        the README                                    (content/README.md)
  --out DIR           the output folder (build)                     (dist)
  --base PATH         the path the site is served under, e.g. /Awesome-LLM-Pruning/   (/)
  --site-url URL      the site's absolute URL, for canonical links
  --source-url URL    the README's page on GitHub, linked from the footer
  --allow-errors      render what can be resolved despite errors (build)
  --port N            the preview's port (dev)                      (5173)
  --quiet             no summary line
  -h, --help          this text

Every problem is printed as file:line:column, with its rule and how to fix it.`

export function report(files: VFile[]): string {
  return formatMessages(files)
}

/** Runs a command; any failure is printed as one readable line, never as a stack trace (set DEBUG=1 for one). */
export async function main(run: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await run()
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    const code = (error as NodeJS.ErrnoException).code
    const hint = code?.startsWith('ERR_PARSE_ARGS') ? ' (--help lists the flags)' : ''
    console.error(`error: ${code === 'ENOENT' ? `cannot read ${(error as NodeJS.ErrnoException).path}: no such file` : text}${hint}`)
    if (process.env['DEBUG']) console.error(error)
    process.exitCode = 2
  }
}
