import {describe, expect, it} from 'vitest'
import {spawn} from 'node:child_process'
import {quiet} from '../scripts/bench/quiet.ts'

/**
 * How long `quiet()` waits, with a time limit, while a process this one started runs `command`: timed from
 * when the process has written its first output, so it is past its own start-up.
 */
async function waitBeside(command: string, args: string[], timeout: number): Promise<number> {
  const child = spawn(command, args, {stdio: ['ignore', 'pipe', 'ignore']})
  try {
    await new Promise((resolve, reject) => {
      child.stdout.once('data', resolve)
      child.once('error', reject)
    })
    const start = Date.now()
    await quiet(100, timeout)
    return Date.now() - start
  } finally {
    child.kill()
  }
}

/** The filter benchmark types only once the browser's processes are quiet (scripts/bench/quiet.ts). */
describe('waiting for the browser to settle', () => {
  // On a loaded machine the looping process may be given less than a tick in some tenth of a second: it is
  // still runnable, so it still counts as busy.
  it('waits while a process it started is busy, up to its time limit', async () => {
    expect(await waitBeside(process.execPath, ['-e', 'process.stdout.write("looping"); for (;;) {}'], 800)).toBeGreaterThanOrEqual(800)
  })

  it('goes on once the processes it started are idle', async () => {
    expect(await waitBeside('sh', ['-c', 'echo sleeping; exec sleep 30'], 5000)).toBeLessThan(5000)
  })
})
