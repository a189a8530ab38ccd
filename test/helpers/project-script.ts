import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
/** tsx's loader, by path: a script run from a throwaway repository cannot find tsx from there. */
export const tsxLoader = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href

/** The command line that runs one of the project's scripts from any folder: `node --import …/tsx … /project/scripts/diff.ts`. */
export function scriptCommand(script: string): string[] {
  return [process.execPath, '--import', tsxLoader, `${root}scripts/${script}`]
}

/** Runs one of the project's scripts in `cwd` (a test repository), as the command a contributor types would. */
export function runScript(script: string, args: string[], {cwd, env = {}}: {cwd: string; env?: Record<string, string>}) {
  const [command, ...prefix] = scriptCommand(script)
  const run = spawnSync(command!, [...prefix, ...args], {cwd, encoding: 'utf8', env: {...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', NO_COLOR: '', ...env}})
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}
