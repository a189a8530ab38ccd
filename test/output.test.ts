import {afterAll, describe, expect, it} from 'vitest'
import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {build} from '../src/build.ts'
import {seedSource} from './helpers/seed.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-output-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

function snapshot(dir: string): Array<[string, string]> {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((file) => [relative(dir, file), readFileSync(file, 'utf8')])
}

describe('rebuilding in a long-lived process', () => {
  it('links the files that did not change, writes the rest, and equals a fresh build', async () => {
    const input = join(tmp, 'README.md')
    const out = join(tmp, 'site')
    writeFileSync(input, seedSource)
    await build({input, out, reuseOutput: true})
    const laco = join(out, 'papers/laco/index.html')
    const before = statSync(laco).ino

    writeFileSync(input, seedSource.replace('ShortGPT:Layers', 'ShortGPT: Layers'))
    const again = await build({input, out, reuseOutput: true})
    expect(again.written).toBe(true)
    // An untouched paper page is the very same file; the home page shows the new title.
    expect(statSync(laco).ino).toBe(before)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('ShortGPT: Layers')

    const fresh = join(tmp, 'fresh')
    await build({input, out: fresh})
    expect(snapshot(out)).toEqual(snapshot(fresh))
  })

  it('still leaves the previous output untouched when a build fails', async () => {
    const input = join(tmp, 'README.md')
    const out = join(tmp, 'site')
    const before = snapshot(out)
    writeFileSync(input, seedSource.replace('| Gemma-2B |  [3] |', '| Gemma-2B |  [9] |'))
    const result = await build({input, out, reuseOutput: true})
    expect(result.written).toBe(false)
    expect(snapshot(out)).toEqual(before)
  })
})
