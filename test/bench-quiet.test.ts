import {describe, expect, it} from 'vitest'
import {spawn} from 'node:child_process'
import {quiet} from '../scripts/bench/quiet.ts'

/** The filter benchmark types only once the browser's processes are quiet (scripts/bench/quiet.ts). */
describe('waiting for the browser to settle', () => {
  it('waits while a process it started is busy, up to its time limit', async () => {
    const busy = spawn(process.execPath, ['-e', 'for (;;) {}'], {stdio: 'ignore'})
    try {
      const start = Date.now()
      await quiet(100, 800)
      expect(Date.now() - start).toBeGreaterThanOrEqual(800)
    } finally {
      busy.kill()
    }
  })

  it('goes on once the processes it started are idle', async () => {
    const idle = spawn('sleep', ['30'], {stdio: 'ignore'})
    try {
      const start = Date.now()
      await quiet(100, 5000)
      expect(Date.now() - start).toBeLessThan(5000)
    } finally {
      idle.kill()
    }
  })
})
