import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawn, type ChildProcess} from 'node:child_process'
import {createInterface} from 'node:readline'
import {join} from 'node:path'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {buildSite} from './helpers/sites.ts'
import {scratch} from './helpers/scratch.ts'
import {seedPath} from './helpers/seed.ts'
import {cli} from '../scripts/shared/cli.ts'

/** `npm run preview` answers as GitHub Pages does (issue 14): the site under its base, 404.html for what is not there. */
const tmp = scratch('preview')
const project = fileURLToPath(new URL('../', import.meta.url))
const running: ChildProcess[] = []
let project404: string

beforeAll(async () => {
  await buildSite({input: seedPath, out: join(tmp.dir, 'based'), base: '/Awesome-LLM-Pruning/', history: false})
  await buildSite({input: seedPath, out: join(tmp.dir, 'root'), history: false})
  project404 = readFileSync(join(tmp.dir, 'based', '404.html'), 'utf8')
})

afterAll(() => {
  for (const child of running) child.kill()
  tmp.dispose()
})

/** Starts the preview script as `npm run preview -- …` does, on a free port, and returns the address it prints. */
async function preview(args: string[]): Promise<string> {
  const child = spawn(...cli('preview', '--port', '0', '--host', '127.0.0.1', ...args), {cwd: project, stdio: ['ignore', 'pipe', 'pipe']})
  running.push(child)
  const lines = createInterface({input: child.stdout!})
  return new Promise((resolve, reject) => {
    lines.on('line', (line) => {
      const url = /at (http:\/\/\S+) /.exec(line)?.[1]
      if (url) resolve(url)
    })
    child.stderr!.on('data', (chunk: Buffer) => reject(new Error(chunk.toString())))
    child.on('exit', (code) => reject(new Error(`the preview exited with ${code}`)))
  })
}

const get = (url: string) => fetch(url, {redirect: 'manual'})

describe('npm run preview', () => {
  it('serves a --base build under the base it was built for, read from the site', async () => {
    const url = await preview(['--out', join(tmp.dir, 'based')])
    expect(new URL(url).pathname).toBe('/Awesome-LLM-Pruning/')
    const home = await get(url)
    expect(home.status).toBe(200)
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await home.text()
    // Every asset the page names is there, with its type.
    for (const asset of Array.from(html.matchAll(/(?:href|src)="(\/Awesome-LLM-Pruning\/assets\/[^"]+)"/g), (m) => m[1]!)) {
      const response = await get(new URL(asset, url).href)
      expect(response.status, asset).toBe(200)
      expect(response.headers.get('content-type'), asset).toMatch(/^text\/(css|javascript)/)
    }
    expect((await get(`${url}papers/shortgpt/`)).status).toBe(200)
    expect((await get(`${url}graph.json`)).headers.get('content-type')).toBe('application/json; charset=utf-8')
  })

  it('answers an unknown path with the site’s 404.html and status 404, not with the home page', async () => {
    const url = await preview(['--out', join(tmp.dir, 'based')])
    for (const path of ['no-such-page/', 'papers/no-such-paper/', 'assets/gone.js', '%E0%A4%A']) {
      const response = await get(url + path)
      expect(response.status, path).toBe(404)
      expect(await response.text(), path).toBe(project404)
    }
    // Outside the base too, a path that starts with two slashes included; the server goes on answering.
    expect((await get(new URL('/elsewhere/', url).href)).status).toBe(404)
    expect((await get(`${new URL(url).origin}//?q=llama`)).status).toBe(404)
    expect((await get(url)).status).toBe(200)
  })

  it('leads a folder without its slash, and the host’s root, to the page', async () => {
    const url = await preview(['--out', join(tmp.dir, 'based')])
    const folder = await get(`${url}papers/shortgpt`)
    expect(folder.status).toBe(301)
    expect(folder.headers.get('location')).toBe('/Awesome-LLM-Pruning/papers/shortgpt/')
    const root = await get(new URL('/', url).href)
    expect(root.headers.get('location')).toBe('/Awesome-LLM-Pruning/')
  })

  it('serves a root build at /, and takes --base when given', async () => {
    const url = await preview(['--out', join(tmp.dir, 'root')])
    expect(new URL(url).pathname).toBe('/')
    expect((await get(`${url}nope`)).status).toBe(404)
    const based = await preview(['--out', join(tmp.dir, 'based'), '--base', 'Awesome-LLM-Pruning'])
    expect(new URL(based).pathname).toBe('/Awesome-LLM-Pruning/')
  })

  it('says what to do when there is no build', async () => {
    await expect(preview(['--out', join(tmp.dir, 'nothing')])).rejects.toThrow(/nothing\/index\.html is missing: run `npm run build` first/)
  })
})
