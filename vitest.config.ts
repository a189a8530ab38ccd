import {defineConfig} from 'vitest/config'
import LongestFirst from './test/helpers/sequencer.ts'

/**
 * The files that must have a module registry of their own: determinism.test.ts mocks node:fs/promises,
 * edit-links.test.ts changes GITHUB_REPOSITORY while modules read it. The dev server files start and stop
 * watchers and servers with module state of their own. page-text.test.ts asks how V8 holds a page's text,
 * which the process-wide caches change: a piece or a slug first made from a README with a character above
 * U+00FF stays two-byte for the next README that has the same text. The rest share their worker's modules (isolate: false):
 * each file paid about 1.8 s of imports (vitest, unified, the build) that the next file in the worker now reuses.
 */
const isolated = ['test/determinism.test.ts', 'test/edit-links.test.ts', 'test/dev*.test.ts', 'test/page-text.test.ts']

/** What both projects run with. */
const common = {
  // Limits for a hang, not speed checks: on two cores shared with other work (a load average of 15 is
  // common here) the CPU-bound tests (the 10,000-paper budget, the fuzz sample) take minutes.
  testTimeout: 180_000,
  hookTimeout: 300_000,
  // It imports its schema JSON without an import attribute, which Node refuses: let vite bundle it.
  deps: {optimizer: {ssr: {enabled: true, include: ['@actions/workflow-parser']}}}
}

export default defineConfig({
  test: {
    // Once per run, before any test file: compile lib/ (the tests start the compiled commands), build the
    // fixture sites the files share, and launch the Chromium they share.
    globalSetup: ['test/helpers/compile.ts', 'test/helpers/setup-sites.ts', 'test/helpers/setup-chromium.ts'],
    // Files run side by side: each records its own quality figures (scripts/shared/quality.ts). Two cores:
    // a third worker keeps them busy while one file waits on Chromium or a child process.
    fileParallelism: true,
    maxWorkers: 3,
    // The longest files first, also on a fresh clone that has no durations remembered (test/helpers/sequencer.ts).
    sequence: {sequencer: LongestFirst},
    projects: [
      // Not `extends: true`: the projects would run the global setup again, each for itself.
      {test: {...common, name: 'isolated', include: isolated}},
      {test: {...common, name: 'shared', include: ['test/**/*.test.ts'], exclude: isolated, isolate: false}}
    ]
  }
})
