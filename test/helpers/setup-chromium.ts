import {chromium} from 'playwright-core'
import type {TestProject} from 'vitest/node'
import {chromiumOptions} from '../../scripts/shared/chromium.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where test/helpers/browser.ts connects to the run's one Chromium. */
    chromiumEndpoint: string
  }
}

/**
 * vitest's global setup: one Chromium for the whole run, which the test files connect to
 * (test/helpers/browser.ts), instead of a browser launched, and its processes started, per file.
 */
export default async function launchSharedChromium(project: TestProject): Promise<() => Promise<void>> {
  const server = await chromium.launchServer(chromiumOptions)
  project.provide('chromiumEndpoint', server.wsEndpoint())
  return () => server.close()
}
