import {inject} from 'vitest'
import {fileURLToPath} from 'node:url'

/** The README fixtures every page type is checked on: the verbatim seed, and one that uses every form the site renders. */
export const fixtures = {
  seed: fileURLToPath(new URL('../fixtures/seed/README.md', import.meta.url)),
  rich: fileURLToPath(new URL('../fixtures/rich/README.md', import.meta.url))
} as const

export type FixtureName = keyof typeof fixtures

export const bases = {root: '/', project: '/Awesome-LLM-Pruning/'} as const
export type Placement = keyof typeof bases
/** Each placement with its base, to loop over. */
export const placements = Object.entries(bases) as Array<[Placement, string]>

/** What a `-full` build adds: the site's address and the README's, so canonical links and edit links are written. */
const full = {siteUrl: 'https://example.github.io', sourceHref: 'https://github.com/example/Awesome-LLM-Pruning/blob/HEAD/content/README.md'}

/**
 * The builds several test files read and none changes, made once per run by the global setup
 * (test/helpers/setup-sites.ts) rather than once per file: each fixture under each base, plain and `-full`.
 * Nothing may write into them; a test that changes a site builds its own.
 */
export const sharedBuilds = Object.fromEntries(
  (Object.keys(fixtures) as FixtureName[]).flatMap((name) =>
    placements.flatMap(([where]) => [
      [`${name}-${where}`, {input: fixtures[name], base: bases[where]}],
      [`${name}-${where}-full`, {input: fixtures[name], base: bases[where], ...full}]
    ])
  )
) as Record<SharedBuild, {input: string; base: string; siteUrl?: string; sourceHref?: string}>

export type SharedBuild = `${FixtureName}-${Placement}${'' | '-full'}`

/** The folder of a shared build; a test file reads it, never writes it. */
export function sharedSite(name: SharedBuild): string {
  return inject('sharedSites')[name]
}
