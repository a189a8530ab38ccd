import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Once per run, before any test file: compile lib/ (the tests start the compiled commands), build the
    // fixture sites the files share, and launch the Chromium they share.
    globalSetup: ['test/helpers/compile.ts', 'test/helpers/setup-sites.ts', 'test/helpers/setup-chromium.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Files run side by side: each records its own quality figures (scripts/shared/quality.ts). Two cores:
    // a third worker keeps them busy while one file waits on Chromium or a child process.
    fileParallelism: true,
    maxWorkers: 3,
    // It imports its schema JSON without an import attribute, which Node refuses: let vite bundle it.
    deps: {optimizer: {ssr: {enabled: true, include: ['@actions/workflow-parser']}}}
  }
})
