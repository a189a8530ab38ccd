import {mkdir, writeFile} from 'node:fs/promises'
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {qualityDir, readQuality, type QualityEntry} from './shared/quality.ts'
import {guarantees} from './quality/guarantees.ts'
import {currentSlowInputsSection, slowInputsFile, slowInputsSection, type SlowInputsRun} from './slow-inputs/table.ts'

/**
 * `npm run quality`: writes docs/QUALITY.md from the figures the last `npm test` (and `npm run fuzz`)
 * recorded in test-results/quality/ (one file per area). It refuses to write when an area is missing, so the page
 * never mixes a real run with made-up numbers.
 */
const areas: Array<{key: string; title: string; what: string}> = [
  {key: 'accessibility', title: 'Accessibility', what: 'axe-core in Chromium on every page type: light and dark schemes (every rule in the first, the colour rules in the second), desktop and phone, filtered and without JavaScript (`test/a11y.test.ts`).'},
  {key: 'html', title: 'Valid HTML', what: 'html-validate 10.9.0 (recommended and document rules) over every page of the fixtures, under both bases (`test/html.test.ts`); the hostile pages are validated too (`test/hostile.test.ts`).'},
  {key: 'links', title: 'Links', what: 'Every href, src, srcset and #fragment of every page, under `/` and `/Awesome-LLM-Pruning/`, and every page reachable from the home page (`test/links.test.ts`).'},
  {key: 'hostile', title: 'Hostile input', what: 'A payload corpus written into every field of the README, built with `--allow-errors`, its pages opened in Chromium with their CSP bypassed so only escaping protects them (`test/hostile.test.ts`): every page in CI (`HOSTILE_PAGES=all`, as `.ci/run` sets it), every page but three in four of the text list’s entity pages in `npm test`. The figures below are from the last of the two runs.'},
  {key: 'fuzz (npm test sample)', title: 'Fuzzing, the sample in `npm test`', what: 'fast-check over generated and mutated READMEs with a fixed seed, plus full builds (`test/fuzz.test.ts`).'},
  {key: 'fuzz (npm run fuzz)', title: 'Fuzzing, `npm run fuzz`', what: 'The same property over 10,000+ READMEs with a fresh seed, and 1 MB lines (`scripts/fuzz.ts`).'},
  {key: 'browser', title: 'End to end in Chromium', what: 'Filtering scenarios in Chromium, with screenshots kept in `test-results/screenshots/` (`test/browser.test.ts`).'},
  {key: 'determinism', title: 'Determinism and atomicity', what: 'The build command in child processes: other working directory, time zone and locale; failing builds; two builds at once (`test/determinism.test.ts`).'}
]

const quality = readQuality()
const missing = areas.filter((area) => !quality[area.key])
if (missing.length > 0) {
  console.error(`${qualityDir} lacks ${missing.map((area) => area.key).join(', ')}: run \`npm test\` and \`npm run fuzz\` first.`)
  process.exit(1)
}

const get = (key: string, figure: string) => quality[key]!.figures[figure]
const number = (value: number | string | undefined) => (typeof value === 'number' ? value.toLocaleString('en-US') : String(value ?? '—'))
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {encoding: 'utf8'}).trim()
  } catch {
    return 'unknown'
  }
})()
const latest = Object.values(quality).map((entry) => entry.at).sort().at(-1)!

const lines = [
  '# Quality report',
  '',
  `Figures from the last real run (newest ${latest.slice(0, 16).replace('T', ' ')} UTC, commit ${commit}), written by \`npm run quality\` from \`test-results/quality/\`.`,
  'Reproduce: `npm test && npm run fuzz && npm run quality`.',
  '',
  '| | |',
  '| --- | ---: |',
  `| Pages checked with axe-core | ${number(get('accessibility', 'pages checked'))} |`,
  `| Accessibility violations found | ${number(get('accessibility', 'violations found'))} |`,
  `| Pages validated with html-validate | ${number(get('html', 'pages validated'))} |`,
  `| HTML errors found | ${number(get('html', 'errors found'))} |`,
  `| Payloads tried (payload × field) | ${number(get('hostile', 'payloads'))} (${number(get('hostile', 'payload × field tries'))}) |`,
  `| Injected elements, attributes or URLs, dialogs | ${number(get('hostile', 'injected elements, attributes or URLs'))}, ${number(get('hostile', 'dialogs opened'))} |`,
  `| Fuzz cases run (\`npm run fuzz\` + \`npm test\`) | ${number(get('fuzz (npm run fuzz)', 'cases run'))} + ${number(get('fuzz (npm test sample)', 'cases run'))} |`,
  `| Links followed | ${number(get('links', 'links followed'))} |`,
  `| Broken links | ${number(get('links', 'broken links'))} |`,
  ''
]
for (const area of areas) {
  const entry: QualityEntry = quality[area.key]!
  lines.push(`## ${area.title}`, '', area.what, '', `Recorded by \`${entry.by}\` at ${entry.at.slice(0, 16).replace('T', ' ')} UTC.`, '', '| | |', '| --- | ---: |')
  // A seed is an identifier to replay with, not a quantity.
  for (const [name, value] of Object.entries(entry.figures)) lines.push(`| ${name} | ${name === 'seed' ? String(value) : number(value)} |`)
  lines.push('')
}
// The slow and large inputs come from their own run (`npm run slow-inputs`): its last figures, or the table as it stands.
const slow = existsSync(slowInputsFile) ? slowInputsSection(JSON.parse(readFileSync(slowInputsFile, 'utf8')) as SlowInputsRun) : currentSlowInputsSection()
if (slow) lines.push(slow, '')
lines.push(...guarantees())
await mkdir('docs', {recursive: true})
await writeFile('docs/QUALITY.md', lines.join('\n'))
console.log('Wrote docs/QUALITY.md')
