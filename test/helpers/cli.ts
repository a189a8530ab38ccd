import {join} from 'node:path'
import {projectRoot} from '../../src/project-root.ts'

/**
 * A command as `npm run <script>` runs it: its compiled file in lib/scripts/, started by plain node with
 * no TypeScript loader. vitest's global setup (test/helpers/compile.ts) compiles lib/ before any test.
 * Returns the program and its arguments, for spawn, spawnSync or execFile.
 */
export function cli(script: string, ...args: string[]): [string, string[]] {
  return [process.execPath, [compiledScript(script), ...args]]
}

/** The compiled file of scripts/<script>.ts. */
export function compiledScript(script: string): string {
  return join(projectRoot, 'lib', 'scripts', `${script}.js`)
}
