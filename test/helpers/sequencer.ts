import {relative} from 'node:path'
import {BaseSequencer, type TestSpecification} from 'vitest/node'

/**
 * The longest files, longest first, as a fresh-clone `npm test` measured them (wall seconds: 64, 47, 33,
 * 29, 26, 24, 22, 20, 19, 17, 12, 11). vitest orders files by the durations of the last run it remembers;
 * a fresh clone (CI) remembers none, and then orders them by size, which started the fuzz sample and the
 * accessibility checks in the last minute and left the other workers idle while they ran.
 */
const longest = [
  'test/researcher-polish.test.ts',
  'test/browser.test.ts',
  'test/researcher-browser.test.ts',
  'test/a11y.test.ts',
  'test/hostile.test.ts',
  'test/researcher-filters.test.ts',
  'test/build.test.ts',
  'test/split-parse.test.ts',
  'test/fuzz.test.ts',
  'test/output-formats.test.ts',
  'test/unicode.test.ts',
  'test/fix.test.ts'
]

/** vitest's own order (its projects apart, remembered durations), with the files above first within each project. */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (spec: TestSpecification) => {
      const at = longest.indexOf(relative(this.ctx.config.root, spec.moduleId))
      return at < 0 ? longest.length : at
    }
    const project = (spec: TestSpecification) => sorted.findIndex((other) => other.project.name === spec.project.name)
    return sorted
      .map((spec, order) => ({spec, order}))
      .sort((a, b) => project(a.spec) - project(b.spec) || rank(a.spec) - rank(b.spec) || a.order - b.order)
      .map(({spec}) => spec)
  }
}
