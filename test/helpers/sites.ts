import {build, type BuildOptions} from '../../src/build.ts'

/** Builds a README into `out` and fails loudly if the site was not written. */
export async function buildSite(options: BuildOptions): Promise<string> {
  const result = await build(options)
  if (!result.written) {
    const messages = result.files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column} ${m.reason}`))
    throw new Error(`the build of ${options.input} wrote nothing:\n${messages.join('\n')}`)
  }
  return options.out
}
