import fc from 'fast-check'
import {anyReadme, bigLineUnits, checkReadme, readmeWithBigLine, slowReadme} from './fuzz/readme.ts'
import {recordQuality} from './shared/quality.ts'

/**
 * `npm run fuzz [-- CASES [SEED]]`: the property of test/fuzz.test.ts over many more READMEs
 * (10,000 by default, with a random seed it prints so a failure can be replayed), plus a few 1 MB lines,
 * plus the shapes that once ran for minutes (`slowReadme`), each of which must end within `slowLimit`.
 */
const cases = Number(process.argv[2] ?? 10_000)
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31)
const bigLines = 6
const slowCases = Math.max(50, Math.round(cases / 50))
/** The bound for any README of up to 5 MB; these are at most a few hundred kilobytes. */
const slowLimit = 30_000
let slowest = 0
const started = performance.now()
let run = 0
console.log(`Fuzzing ${cases} READMEs, ${bigLines} with a 1 MB line and ${slowCases} with a shape that once ran for minutes, seed ${seed}…`)
try {
  fc.assert(
    fc.property(anyReadme, (source) => {
      checkReadme(source)
      run++
      if (run % 1000 === 0) console.log(`  ${run} cases`)
    }),
    {numRuns: cases, seed}
  )
  fc.assert(
    fc.property(readmeWithBigLine(bigLineUnits.all), (source) => {
      checkReadme(source, {render: false})
      run++
    }),
    {numRuns: bigLines, seed}
  )
  fc.assert(
    fc.property(slowReadme, (source) => {
      const started = performance.now()
      checkReadme(source)
      const ms = performance.now() - started
      slowest = Math.max(slowest, ms)
      if (ms > slowLimit) throw new Error(`took ${Math.round(ms)} ms, more than ${slowLimit} ms`)
      run++
    }),
    {numRuns: slowCases, seed}
  )
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
const seconds = Math.round((performance.now() - started) / 1000)
// After a failure fast-check also ran the shrinking attempts, so the count is of property runs, not cases.
recordQuality('fuzz (npm run fuzz)', {'cases run': run, 'slow shapes (of them)': slowCases, 'slowest slow shape, ms': Math.round(slowest), failures: process.exitCode === 1 ? 1 : 0, seed, seconds}, 'npm run fuzz')
console.log(`${run} ${process.exitCode === 1 ? 'property runs (cases and shrinking)' : 'cases'} in ${seconds} s: ${process.exitCode === 1 ? 'FAILED' : 'no failure'}.`)
