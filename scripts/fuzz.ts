import fc from 'fast-check'
import {anyReadme, bigLineUnits, checkReadme, readmeWithBigLine} from '../test/fuzz/readme.ts'
import {recordQuality} from '../test/helpers/quality.ts'

/**
 * `npm run fuzz [-- CASES [SEED]]`: the property of test/fuzz.test.ts over many more READMEs
 * (10,000 by default, with a random seed it prints so a failure can be replayed), plus a few 1 MB lines.
 */
const cases = Number(process.argv[2] ?? 10_000)
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31)
const bigLines = 6
const started = performance.now()
let run = 0
console.log(`Fuzzing ${cases} READMEs and ${bigLines} with a 1 MB line, seed ${seed}…`)
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
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
const seconds = Math.round((performance.now() - started) / 1000)
// After a failure fast-check also ran the shrinking attempts, so the count is of property runs, not cases.
recordQuality('fuzz (npm run fuzz)', {'cases run': run, failures: process.exitCode === 1 ? 1 : 0, seed, seconds}, 'npm run fuzz')
console.log(`${run} ${process.exitCode === 1 ? 'property runs (cases and shrinking)' : 'cases'} in ${seconds} s: ${process.exitCode === 1 ? 'FAILED' : 'no failure'}.`)
