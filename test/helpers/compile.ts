import {execFileSync} from 'node:child_process'
import {projectRoot} from '../../src/util/project-root.ts'

/**
 * vitest's global setup: the tests start the commands from lib/ (test/helpers/cli.ts), so lib/ is compiled
 * first whenever a source changed since the last compile; once, before any test file runs.
 */
export default function compileCommands(): void {
  execFileSync(process.execPath, ['scripts/compile.js'], {cwd: projectRoot, stdio: 'inherit'})
}
