import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/** A temporary folder for a test file's builds; `dispose` removes it. */
export function scratch(prefix: string): {dir: string; dispose(): void} {
  const dir = mkdtempSync(join(tmpdir(), `site-${prefix}-`))
  return {dir, dispose: () => rmSync(dir, {recursive: true, force: true})}
}
