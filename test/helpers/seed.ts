import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {analyze} from '../../src/build.ts'

export const seedPath = fileURLToPath(new URL('../fixtures/seed/README.md', import.meta.url))
export const seedSource = readFileSync(seedPath, 'utf8')

/** Parses, extracts, links and validates a README given as text, as the build does. */
export function analyzeText(value: string, path = 'README.md') {
  const file = new VFile({path, value})
  const result = analyze(file)
  return {file, raw: result?.raw, graph: result?.graph}
}

export function seed() {
  const result = analyzeText(seedSource, 'test/fixtures/seed/README.md')
  if (!result.graph || !result.raw) throw new Error('the seed did not parse')
  return {file: result.file, raw: result.raw, graph: result.graph}
}

export {completed} from '../../scripts/shared/completed.ts'
