import {chromium} from 'playwright-core'
import {chromiumPath} from '../shared/chromium.ts'
import {serveStatic} from '../shared/static-server.ts'

export interface Latency {
  median: number
  worst: number
  samples: number[]
}

/**
 * Types a word into the search box and deletes it again, one key at a time, and measures each
 * keystroke from the keydown event to just after the next frame (requestAnimationFrame, then a
 * message posted from it, which runs once that frame is painted). Frame-rate limiting is off, so
 * the figure is the page's own work, not the wait for the next 60 Hz tick.
 */
export async function filterLatency(site: string, word = 'merging llama'): Promise<Latency> {
  const server = await serveStatic(site)
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-frame-rate-limit', '--disable-gpu-vsync']
  })
  try {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    await page.goto(server.url, {waitUntil: 'load'})
    await page.waitForSelector('#filter-form:not([hidden])')
    await page.evaluate(() => {
      const box = document.getElementById('filter-q')!
      const samples: number[] = []
      ;(window as unknown as {samples: number[]}).samples = samples
      let start = 0
      box.addEventListener('keydown', (event) => (start = event.timeStamp), true)
      box.addEventListener('input', () => {
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => samples.push(performance.now() - start)
          channel.port2.postMessage(0)
        })
      })
    })
    await page.focus('#filter-q')
    for (const key of [...word, ...Array.from(word, () => 'Backspace')]) {
      await page.keyboard.press(key)
      await page.waitForTimeout(120)
    }
    const samples = await page.evaluate(() => (window as unknown as {samples: number[]}).samples)
    const sorted = [...samples].sort((a, b) => a - b)
    return {median: sorted[Math.floor(sorted.length / 2)] ?? NaN, worst: sorted[sorted.length - 1] ?? NaN, samples}
  } finally {
    await browser.close()
    await server.close()
  }
}
