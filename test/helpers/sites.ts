import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build, type BuildOptions} from '../../src/build.ts'

/** The README fixtures every page type is checked on: the verbatim seed, and one that uses every form the site renders. */
export const fixtures = {
  seed: fileURLToPath(new URL('../fixtures/seed/README.md', import.meta.url)),
  rich: fileURLToPath(new URL('../fixtures/rich/README.md', import.meta.url))
} as const

export type FixtureName = keyof typeof fixtures

/** A temporary folder for a test file's builds; `dispose` removes it. */
export function scratch(prefix: string): {dir: string; dispose(): void} {
  const dir = mkdtempSync(join(tmpdir(), `site-${prefix}-`))
  return {dir, dispose: () => rmSync(dir, {recursive: true, force: true})}
}

/** Builds a README into `out` and fails loudly if the site was not written. */
export async function buildSite(options: BuildOptions): Promise<string> {
  const result = await build(options)
  if (!result.written) {
    const messages = result.files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column} ${m.reason}`))
    throw new Error(`the build of ${options.input} wrote nothing:\n${messages.join('\n')}`)
  }
  return options.out
}
