import {execFileSync} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import WebSocket from 'ws'
import type {ViteDevServer} from 'vite'
import {startDevServer} from '../../src/dev/server.ts'

export interface Refresh {
  median: number
  worst: number
  samples: number[]
  /** From starting the server to the first page's last byte: the first build, and the rehearsal the first page waits for. */
  firstPageMs: number
}

/**
 * The dev server on a README: saves an edit to one paper's title, then does what an open tab does:
 * waits for the server's reload message on vite's websocket, and asks for the home page again, until
 * it shows the edit. Timed from the save to the refreshed page, its last byte read (its bytes searched for the edit, not decoded: see below).
 * The README is committed first, in a repository of its own beside `input`, so that the server
 * reads its git history as a contributor's checkout has it.
 */
export async function devRefresh(input: string, source: string, edits = 7): Promise<Refresh> {
  commitReadme(input, source)
  const starting = performance.now()
  const server = await startDevServer({input, port: 0})
  const url = server.resolvedUrls?.local[0] ?? ''
  const reloads = await reloadMessages(server, url)
  try {
    await fetch(url).then((response) => response.text())
    const firstPageMs = performance.now() - starting
    const original = readFileSync(input, 'utf8')
    const samples: number[] = []
    for (let n = 1; n <= edits; n++) {
      const marker = `Edited${n}x`
      const edited = original.replace(/^- \[(\d+)\] /m, (entry) => `${entry}${marker} `)
      await new Promise((resolve) => setTimeout(resolve, 300))
      const started = performance.now()
      writeFileSync(input, edited)
      for (;;) {
        await reloads.next(started + 30_000)
        // The page's bytes, searched as bytes: decoding 2.4 MB into a string is the harness's own work (a tab
        // decodes in its own process), and here it ran on the server's thread, 10-40 ms of each sample.
        const body: ArrayBuffer = await fetch(url).then((response) => response.arrayBuffer())
        const page = Buffer.from(body)
        if (page.includes(marker)) break
      }
      samples.push(performance.now() - started)
    }
    writeFileSync(input, original)
    const sorted = [...samples].sort((a, b) => a - b)
    return {median: sorted[Math.floor(sorted.length / 2)]!, worst: sorted[sorted.length - 1]!, samples, firstPageMs}
  } finally {
    reloads.close()
    await server.close()
  }
}

/** `input` written with `source` and committed, in a new repository in its folder. */
function commitReadme(input: string, source: string): void {
  const cwd = dirname(input)
  mkdirSync(cwd, {recursive: true})
  writeFileSync(input, source)
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], {cwd, stdio: 'ignore'})
  git('init', '-q')
  git('add', '--', input)
  git('commit', '-q', '-m', 'list', '--date', '2024-01-01T00:00:00Z')
}

/**
 * vite's reload messages, as its client in a tab receives them: `next` resolves at the next one after
 * it was called (or fails at `deadline`, a performance.now() time), so a reload is never missed between two waits.
 */
async function reloadMessages(server: ViteDevServer, url: string): Promise<{next(deadline: number): Promise<void>; close(): void}> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}?token=${server.config.webSocketToken}`, 'vite-hmr')
  let waiting: (() => void) | undefined
  socket.on('message', (data) => {
    if ((JSON.parse(String(data)) as {type: string}).type === 'full-reload') waiting?.()
  })
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
  return {
    next: (deadline) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the dev server never showed the edit')), Math.max(0, deadline - performance.now()))
        waiting = () => {
          clearTimeout(timer)
          waiting = undefined
          resolve()
        }
      }),
    close: () => socket.close()
  }
}
