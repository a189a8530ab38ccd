import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {projectRoot} from '../../src/util/project-root.ts'
import {compiledScript, unbundledScript} from '../../scripts/shared/cli.ts'

/**
 * Runs a compiled command (as `npm run` would) with a recorder of every ES module it loads
 * (record-modules.js, a module hook). Returns the run, and the modules: project files relative to the
 * project (`lib/src/analyze.js`, `node_modules/vite/dist/node/index.js`), built-ins as `node:fs`.
 * `unbundled` runs lib/scripts/<script>.js instead of its bundle, to see the import graph the bundle is made from.
 */
export function runRecordingModules(script: string, args: string[], {unbundled = false} = {}): {status: number | null; stdout: string; stderr: string; modules: string[]} {
  const dir = mkdtempSync(join(tmpdir(), 'site-modules-'))
  const log = join(dir, 'modules.txt')
  try {
    const recorder = join(projectRoot, 'test', 'helpers', 'record-modules.js')
    const file = unbundled ? unbundledScript(script) : compiledScript(script)
    const run = spawnSync(process.execPath, ['--import', recorder, file, ...args], {encoding: 'utf8', env: {...process.env, RECORD_MODULES: log, GITHUB_ACTIONS: ''}})
    const urls = readFileSync(log, 'utf8').trim().split('\n')
    const modules = urls.map((url) => (url.startsWith('file:') ? relative(projectRoot, fileURLToPath(url)).split('\\').join('/') : url))
    return {status: run.status, stdout: run.stdout, stderr: run.stderr, modules}
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
