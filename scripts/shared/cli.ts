import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {projectRoot} from '../../src/util/project-root.ts'

/**
 * A command as `npm run <script>` runs it (scripts/run.js): its compiled file, started by plain node with
 * no TypeScript loader. vitest's global setup (test/helpers/compile.ts) compiles lib/ before any test.
 * Returns the program and its arguments, for spawn, spawnSync or execFile.
 */
export function cli(script: string, ...args: string[]): [string, string[]] {
  return [process.execPath, [compiledScript(script), ...args]]
}

/** The file `npm run` starts for scripts/<script>.ts: its one-file bundle when compile.js makes one. */
export function compiledScript(script: string): string {
  const bundle = join(projectRoot, 'lib', 'bundle', `${script}.js`)
  return existsSync(bundle) ? bundle : unbundledScript(script)
}

/** The compiled scripts/<script>.ts itself, which imports the other compiled modules one by one. */
export function unbundledScript(script: string): string {
  return join(projectRoot, 'lib', 'scripts', `${script}.js`)
}
