import {execFileSync} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {startDevServer} from '../../src/dev/server.ts'

export interface Refresh {
  median: number
  worst: number
  samples: number[]
}

/**
 * The dev server on a README: saves an edit to one paper's title, then asks for the home page
 * every few milliseconds until it shows the edit. Timed from the save to the refreshed page.
 * The README is committed first, in a repository of its own beside `input`, so that the server
 * reads its git history as a contributor's checkout has it.
 */
export async function devRefresh(input: string, source: string, edits = 7): Promise<Refresh> {
  commitReadme(input, source)
  const server = await startDevServer({input, port: 0})
  const url = server.resolvedUrls?.local[0] ?? ''
  try {
    await fetch(url).then((response) => response.text())
    const original = readFileSync(input, 'utf8')
    const samples: number[] = []
    for (let n = 1; n <= edits; n++) {
      const marker = `Edited${n}x`
      const edited = original.replace(/^- \[(\d+)\] /m, (entry) => `${entry}${marker} `)
      await new Promise((resolve) => setTimeout(resolve, 300))
      const started = performance.now()
      writeFileSync(input, edited)
      for (;;) {
        // A request that meets the rebuild half-way may be cut off; the clock keeps running and it asks again.
        const html = await fetch(url).then((response) => response.text()).catch(() => '')
        if (html.includes(marker)) break
        if (performance.now() - started > 30_000) throw new Error('the dev server never showed the edit')
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      samples.push(performance.now() - started)
    }
    writeFileSync(input, original)
    const sorted = [...samples].sort((a, b) => a - b)
    return {median: sorted[Math.floor(sorted.length / 2)]!, worst: sorted[sorted.length - 1]!, samples}
  } finally {
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
