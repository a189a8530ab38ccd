import {mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, relative} from 'node:path'
import {afterEach, expect, test} from 'vitest'
// @ts-expect-error: plain JavaScript without types (it must run before anything is compiled)
import {prune} from '../scripts/compile.js'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true})
})

function files(folder: string): string[] {
  return readdirSync(folder, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort()
}

test('a compile leaves no file in lib/ whose source is gone: a renamed module cannot be imported by its old name', () => {
  const project = mkdtempSync(join(tmpdir(), 'compile-'))
  folders.push(project)
  const write = (path: string) => {
    mkdirSync(dirname(join(project, path)), {recursive: true})
    writeFileSync(join(project, path), '')
  }
  for (const source of ['src/build.ts', 'src/dev/site-worker.js', 'scripts/check.ts']) write(source)
  for (const output of ['src/build.js', 'src/dev/site-worker.js', 'src/dev/analysis-worker.js', 'src/old/gone.js', 'scripts/check.js', 'scripts/renamed.js', 'bundle/check.js']) write(`lib/${output}`)

  prune(project, join(project, 'lib'))

  // The bundles are rebuilt whole by each compile, and not pruned here.
  expect(files(join(project, 'lib'))).toEqual(['bundle/check.js', 'scripts/check.js', 'src/build.js', 'src/dev/site-worker.js'])
})
