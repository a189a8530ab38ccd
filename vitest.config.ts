import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Once per run, before any test file: compile lib/ (the tests start the compiled commands), build the
    // fixture sites the files share, and launch the Chromium they share.
    globalSetup: ['test/helpers/compile.ts', 'test/helpers/setup-sites.ts', 'test/helpers/setup-chromium.ts'],
    // Limits for a hang, not speed checks: on two cores shared with other work (a load average of 15 is
    // common here) the CPU-bound tests (the 10,000-paper budget, the fuzz sample) take minutes.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Files run side by side: each records its own quality figures (scripts/shared/quality.ts). Two cores:
    // a third worker keeps them busy while one file waits on Chromium or a child process.
    fileParallelism: true,
    maxWorkers: 3,
    // It imports its schema JSON without an import attribute, which Node refuses: let vite bundle it.
    deps: {optimizer: {ssr: {enabled: true, include: ['@actions/workflow-parser']}}}
  }
})
