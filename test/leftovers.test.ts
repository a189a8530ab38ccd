import {afterAll, describe, expect, it, vi} from 'vitest'
import {mkdirSync, readdirSync, readFileSync, utimesSync, watch, writeFileSync} from 'node:fs'
import {execFileSync, spawn, type ChildProcess} from 'node:child_process'
import {once} from 'node:events'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {syntheticReadme} from '../scripts/bench/readme.ts'
import {build} from '../src/build.ts'
import {writeSite} from '../src/write/output.ts'
import {scratch} from './helpers/scratch.ts'
import {cli} from '../scripts/shared/cli.ts'

const root = fileURLToPath(new URL('../', import.meta.url))
const tmp = scratch('leftovers')
afterAll(() => tmp.dispose())

const dir = join(tmp.dir, 'work')
mkdirSync(dir)
const input = join(dir, 'README.md')
writeFileSync(input, syntheticReadme({papers: 150, form: 'flat'}))
const out = join(dir, 'site')

/** `npm run build` into `out`, in its own process (node itself, so that a signal reaches the build). */
function buildProcess(): ChildProcess {
  return spawn(...cli('build', '--input', input, '--out', out, '--quiet', '--allow-errors'), {cwd: root, stdio: 'ignore'})
}

/** Resolves with the name of the first staging folder of `out` that appears. */
function stagingAppears(): {name: Promise<string>; close(): void} {
  const watcher = watch(dir)
  const name = new Promise<string>((resolve) => watcher.on('change', (_, file) => String(file).startsWith('.site.staging-') && resolve(String(file))))
  return {name, close: () => watcher.close()}
}

const hidden = () => readdirSync(dir).filter((name) => name.startsWith('.')).sort()

describe('folders that killed builds leave beside the output', () => {
  it('are removed by the next build: its own only, and never a running build’s', async () => {
    // A build killed while it writes leaves its staging folder.
    const killed = buildProcess()
    const watching = stagingAppears()
    const left = await watching.name
    killed.kill('SIGKILL')
    watching.close()
    await once(killed, 'exit')
    expect(hidden()).toEqual([left])

    // Beside it: another killed build's old output, folders from before names carried a process id
    // (removed once a day old), another machine's (the same), and the folders of other outputs.
    const host = /^\.site\.staging-\d+-([0-9a-f]{8})-/.exec(left)?.[1] ?? '00000000'
    const ended = spawn(process.execPath, ['-e', ''])
    await once(ended, 'exit')
    const gone = ended.pid!
    const dayOld = (Date.now() - 25 * 3600_000) / 1000
    const make = (name: string, age?: number) => {
      mkdirSync(join(dir, name, 'papers'), {recursive: true})
      writeFileSync(join(dir, name, 'index.html'), 'half')
      if (age) utimesSync(join(dir, name), age, age)
    }
    make(`.site.old-${gone}-${host}-aB3dE9`)
    make('.site.staging-Zx81Qa', dayOld)
    make('.site.old-Qw12Er', dayOld)
    make(`.site.staging-${gone}-0badc0de-Kk9Lm2`, dayOld)
    const kept = ['.site.staging-f00Ba4', `.site.staging-${gone}-0badc0de-Pp0Oo9`, `.site2.staging-${gone}-${host}-Aa1Bb2`, `.sites.old-${gone}-${host}-Cc3Dd4`, '.site.x.staging-Ee5Ff6']
    for (const name of kept) make(name)

    // A process that still runs: its staging folder stays.
    const alive = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'])
    const itsStaging = `.site.staging-${alive.pid}-${host}-Live01`
    make(itsStaging)

    // The next write begins while another build, in its own process, is writing: only the leftovers go.
    const running = buildProcess()
    const watchingRunning = stagingAppears()
    await watchingRunning.name
    watchingRunning.close()
    await writeSite(out, new Map([['index.html', 'the quick one']]))
    const [code] = (await once(running, 'exit')) as [number | null]
    expect(code).toBe(0)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('</html>')
    await vi.waitFor(() => expect(hidden()).toEqual([...kept, itsStaging].sort()), {timeout: 20_000, interval: 50})

    // Once that process has ended, the next build removes its folder too.
    alive.kill()
    await once(alive, 'exit')
    expect((await build({input, out, history: false, allowErrors: true})).written).toBe(true)
    await vi.waitFor(() => expect(hidden()).toEqual([...kept].sort()), {timeout: 20_000, interval: 50})
  })

  it('are ignored by git', () => {
    for (const name of ['.dist.staging-123-0badc0de-Aa1Bb2', '.dist.old-123-0badc0de-Aa1Bb2', '.dist.staging-Aa1Bb2']) {
      expect(execFileSync('git', ['check-ignore', '--no-index', name], {cwd: root, encoding: 'utf8'}).trim()).toBe(name)
    }
  })
})
