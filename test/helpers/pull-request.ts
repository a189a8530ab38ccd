import {rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect} from 'vitest'
import {scriptedRepo} from './git-repo.ts'
import {scriptCommand} from './project-script.ts'

export const readme = 'content/README.md'
const made: string[] = []

/**
 * A repository whose `main` has `base` as content/README.md and whose branch `pr`, checked out, has `head`:
 * a pull request as CI and a contributor see it. `package.json` runs this project's `npm run diff` and
 * `npm run check`. Remove them all with `removePullRequests()`.
 */
export function pullRequest(base: string, head: string | undefined): string {
  const dir = scriptedRepo([
    {date: '2024-05-01T10:00:00Z', files: {[readme]: base}, message: 'The list'},
    ...(head === undefined ? [] : [{date: '2024-05-02T10:00:00Z', files: {[readme]: head, 'notes.txt': 'a change elsewhere too\n'}, branch: 'pr', message: 'The change'}])
  ])
  const scripts = Object.fromEntries(['diff', 'check'].map((name) => [name, scriptCommand(`${name}.ts`).map((part) => JSON.stringify(part)).join(' ')]))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({name: 'list', private: true, scripts}))
  made.push(dir)
  return dir
}

export function removePullRequests(): void {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
}

/** `text` with each `from` replaced by its `to`; a `from` it lacks fails the test instead of testing nothing. */
export function edit(text: string, ...edits: Array<[string, string]>): string {
  for (const [from, to] of edits) {
    expect(text, `the README has ${JSON.stringify(from)}`).toContain(from)
    text = text.replace(from, to)
  }
  return text
}
