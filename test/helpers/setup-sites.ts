import {join} from 'node:path'
import type {TestProject} from 'vitest/node'
import {buildSite} from './sites.ts'
import {scratch} from './scratch.ts'
import {sharedBuilds, type SharedBuild} from './shared-sites.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of each shared build (test/helpers/shared-sites.ts). */
    sharedSites: Record<SharedBuild, string>
  }
}

/** vitest's global setup: builds the shared fixture sites once for the run, and removes them after it. */
export default async function buildSharedSites(project: TestProject): Promise<() => void> {
  const tmp = scratch('shared')
  const dirs = {} as Record<SharedBuild, string>
  for (const [name, options] of Object.entries(sharedBuilds) as Array<[SharedBuild, (typeof sharedBuilds)[SharedBuild]]>) {
    dirs[name] = await buildSite({...options, out: join(tmp.dir, name)})
  }
  project.provide('sharedSites', dirs)
  return () => tmp.dispose()
}
