// Compiles src/ and scripts/ to JavaScript in lib/ with TypeScript's own emit (tsconfig.build.json), so no
// command compiles TypeScript while it runs. Then bundles the commands that must start fastest (`bundled`)
// into one file each with esbuild: Node resolves and loads one module instead of some 250, which is a
// sixth of `npm run check`. Plain JavaScript itself: it is what makes the rest runnable.
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
/**
 * Commands bundled into lib/bundle/<name>.js, which scripts/run.js prefers. Modules loaded on demand
 * (the render stage) become chunks beside them, loaded when asked for; vite stays in node_modules. The
 * parse and write workers are bundled too, at the places their modules look for them (`./worker.js` and
 * `./write-worker.js` beside them).
 */
export const bundled = ['check', 'build']
export const bundleDir = join(libDir, 'bundle')
/** Written after each successful compile, dated when that compile started. */
const stamp = join(libDir, '.compiled')
/** What the compiled files are made from: the folders tsc reads and its settings. */
const sources = ['src', 'scripts', 'tsconfig.json', 'tsconfig.build.json']

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

/** Compiles and bundles; false when either failed (with the reason printed). */
export function compile() {
  const started = new Date()
  rmSync(stamp, {force: true})
  if (!emit() || !bundle()) return false
  prune()
  writeFileSync(stamp, '')
  utimesSync(stamp, started, started)
  return true
}

/** Runs tsc; on failure prints its output. Output is written even when types are wrong (`noCheck`): `npm test` type-checks. */
function emit() {
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc')
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {cwd: root, encoding: 'utf8'})
  if (result.status === 0) return true
  process.stderr.write(`Compiling src/ and scripts/ into lib/ failed:\n${result.stdout}${result.stderr}`)
  return false
}

/**
 * Deletes what tsc wrote for a source that is gone (a module renamed or removed): tsc never does, and a
 * leftover in lib/ can still be imported by its old path. Only after a successful emit, so lib/ is whole.
 */
export function prune(project = root, lib = libDir) {
  const walk = (folder) => {
    for (const entry of readdirSync(join(lib, folder), {withFileTypes: true})) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      // Forced: two compiles at once (a command beside the tests' own) may prune the same file.
      else if (!['.ts', '.js'].some((extension) => existsSync(join(project, path.replace(/\.js$/, extension))))) rmSync(join(lib, path), {force: true})
    }
    if (readdirSync(join(lib, folder)).length === 0) rmSync(join(lib, folder), {recursive: true, force: true})
  }
  for (const folder of ['src', 'scripts']) if (existsSync(join(lib, folder))) walk(folder)
}

/** Bundles the compiled `bundled` commands with esbuild, which prints its own errors. */
function bundle() {
  // Required here, not imported above: every `npm run` loads this module, and needs esbuild only to compile.
  const {buildSync} = createRequire(import.meta.url)('esbuild')
  rmSync(bundleDir, {recursive: true, force: true})
  const commands = Object.fromEntries(bundled.map((name) => [name, join(libDir, 'scripts', `${name}.js`)]))
  try {
    buildSync({
      entryPoints: {...commands, worker: join(libDir, 'src', 'parse', 'worker.js'), 'write-worker': join(libDir, 'src', 'write', 'write-worker.js')},
      outdir: bundleDir,
      bundle: true,
      splitting: true,
      external: ['vite'],
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error'
    })
    return true
  } catch {
    return false
  }
}

/** Compiles when stale; false when a compile was needed and failed. */
export function compileIfStale() {
  return !isStale() || compile()
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ok = process.argv.includes('--force') ? compile() : compileIfStale()
  process.exitCode = ok ? 0 : 1
}
