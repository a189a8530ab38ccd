import {spawnSync} from 'node:child_process'
import {cli} from '../../scripts/shared/cli.ts'

/**
 * The command line that runs one of the project's scripts from any folder, as `npm run <script>` runs it: its
 * compiled file (lib/, compiled by the global setup) by absolute path, so a script run from a throwaway
 * repository finds it. (Through tsx, each run compiled the script and all it imports anew: ~2 s a run.)
 */
export function scriptCommand(script: string): string[] {
  const [node, args] = cli(script.replace(/\.ts$/, ''))
  return [node, ...args]
}

/** Runs one of the project's scripts in `cwd` (a test repository), as the command a contributor types would. */
export function runScript(script: string, args: string[], {cwd, env = {}}: {cwd: string; env?: Record<string, string>}) {
  const [command, ...prefix] = scriptCommand(script)
  const run = spawnSync(command!, [...prefix, ...args], {cwd, encoding: 'utf8', env: {...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', NO_COLOR: '', ...env}})
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}
