// `npm run <command>`: runs the compiled command in this same Node process, with no TypeScript loader:
// its one-file bundle lib/bundle/<command>.js when compile.js makes one, else lib/scripts/<command>.js.
// When a source changed since the last compile, it compiles first, so an edit to src/ is never run
// stale; otherwise the freshness check costs a couple of hundred stat calls.
//
//   node scripts/run.js check [args…]
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {bundleDir, bundled, compileIfStale, libDir} from './compile.js'

const command = process.argv[2]
if (!command || !/^[a-z][a-z/-]*$/.test(command)) {
  console.error('usage: node scripts/run.js COMMAND [args…]   (COMMAND is a file in scripts/, without .ts)')
  process.exit(2)
}
if (!compileIfStale()) process.exit(2)
// The command reads its own arguments from process.argv.slice(2), as if it had been started directly.
process.argv.splice(2, 1)
await import(pathToFileURL(bundled.includes(command) ? join(bundleDir, `${command}.js`) : join(libDir, 'scripts', `${command}.js`)).href)
