import {parseArgs} from 'node:util'
import {formatMessages} from '../src/report/terminal.ts'
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
      quiet: {type: 'boolean'}
    }
  })
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
    console.error(`error: ${code === 'ENOENT' ? `cannot read ${(error as NodeJS.ErrnoException).path}: no such file` : text}`)
    if (process.env['DEBUG']) console.error(error)
    process.exitCode = 2
  }
}
