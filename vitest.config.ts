import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The tests start the compiled commands in lib/: compile them first when a source changed.
    globalSetup: ['test/helpers/compile.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: builds and Chromium run one file at a time, so timings stay sane.
    fileParallelism: false,
    // It imports its schema JSON without an import attribute, which Node refuses: let vite bundle it.
    deps: {optimizer: {ssr: {enabled: true, include: ['@actions/workflow-parser']}}}
  }
})
