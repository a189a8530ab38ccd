import {describe, expect, it} from 'vitest'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {filterLatency} from '../scripts/bench/filter-latency.ts'

/**
 * A page whose keystroke costs 30 ms inside its frame, late in it (in a resize observer, which runs once the
 * frame's layout is done, after its animation-frame callbacks), and which then queues 400 ms of other work behind
 * the frame, as Chromium's autofill queues its bookkeeping for a search box: that work does not delay the frame.
 */
const page = '<!doctype html><html lang="en"><title>Keystroke</title><form id="filter-form"><input id="filter-q" type="search"></form><div id="box"></div><script src="page.js"></script></html>\n'
const script = `const busy = (ms) => { const end = performance.now() + ms; while (performance.now() < end); }
const box = document.getElementById('box')
let width = 1
new ResizeObserver(() => busy(30)).observe(box)
document.getElementById('filter-q').addEventListener('input', () => {
  box.style.width = \`\${++width}px\`
  requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => busy(400)
    channel.port2.postMessage(0)
  })
})
`

describe('timing a keystroke (scripts/bench/filter-latency.ts)', () => {
  it('counts the work in the key’s frame, up to its end, and not the tasks queued behind it', async () => {
    const site = mkdtempSync(join(tmpdir(), 'keystroke-'))
    try {
      writeFileSync(join(site, 'index.html'), page)
      writeFileSync(join(site, 'page.js'), script)
      const {frame, queued} = await filterLatency(site, 'ab')
      // "a", "b", then two deletions: four keystrokes, each timed to both marks.
      expect(frame).toHaveLength(4)
      for (const ms of frame) expect(ms).toBeGreaterThanOrEqual(30)
      // The frame's mark came before the 400 ms queued behind the frame, and the former mark after them: compared
      // with each other, not with a fixed time, since on a loaded machine the frame itself can take long.
      frame.forEach((ms, key) => expect(queued[key]! - ms).toBeGreaterThanOrEqual(400))
    } finally {
      rmSync(site, {recursive: true, force: true})
    }
  })
})
