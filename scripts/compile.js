// Compiles src/ and scripts/ to JavaScript in lib/ with TypeScript's own emit (tsconfig.build.json), so no
// command compiles TypeScript while it runs. Plain JavaScript itself: it is what makes the rest runnable.
//
//   node scripts/compile.js           compile when a source is newer than the last compile (npm's `prepare`)
//   node scripts/compile.js --force   compile anyway
import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, statSync, utimesSync, writeFileSync, rmSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
export const libDir = join(root, 'lib')
/** Written after each successful compile, dated when that compile started. */
const stamp = join(libDir, '.compiled')
/** What the compiled files are made from: the folders tsc reads (the bench and the fuzzer import from test/) and its settings. */
const sources = ['src', 'scripts', 'test/helpers', 'test/fuzz', 'tsconfig.json', 'tsconfig.build.json']

/** Whether some source changed after the last compile started (or there was none). */
export function isStale() {
  if (!existsSync(stamp)) return true
  const compiled = statSync(stamp).mtimeMs
  return sources.some((source) => newerThan(join(root, source), compiled))
}

function newerThan(path, time) {
  const stats = statSync(path, {throwIfNoEntry: false})
  if (!stats) return false
  if (!stats.isDirectory()) return stats.mtimeMs > time
  // A folder's own date moves when a file is added, removed or renamed; a file's when it is edited.
  return stats.mtimeMs > time || readdirSync(path).some((name) => newerThan(join(path, name), time))
}

/** Runs tsc; on failure prints its output and returns false. Output is written even when types are wrong (`noCheck`): `npm test` type-checks. */
export function compile() {
  const started = new Date()
  rmSync(stamp, {force: true})
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc')
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {cwd: root, encoding: 'utf8'})
  if (result.status !== 0) {
    process.stderr.write(`Compiling src/ and scripts/ into lib/ failed:\n${result.stdout}${result.stderr}`)
    return false
  }
  writeFileSync(stamp, '')
  utimesSync(stamp, started, started)
  return true
}

/** Compiles when stale; false when a compile was needed and failed. */
export function compileIfStale() {
  return !isStale() || compile()
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ok = process.argv.includes('--force') ? compile() : compileIfStale()
  process.exitCode = ok ? 0 : 1
}
