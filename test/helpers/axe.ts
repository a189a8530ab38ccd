import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import type {Page} from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** The WCAG 2.1 A and AA rules, and axe's best practices (landmarks, heading order, …). */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

/**
 * The rules among those whose outcome a colour scheme can change: the schemes differ in colours only
 * (custom properties under `prefers-color-scheme`), so a second scheme on the same page is checked with these.
 */
export const colourRules = ['color-contrast', 'link-in-text-block']

export interface AxeFinding {
  rule: string
  impact: string | null
  targets: string[]
  summary: string
}

/**
 * Runs axe-core in the page as it is now. The script goes in through the DevTools protocol,
 * which the page's CSP does not govern, so the page is checked with its real policy in force.
 */
export async function runAxe(page: Page, {coloursOnly = false}: {coloursOnly?: boolean} = {}): Promise<{violations: AxeFinding[]; incomplete: AxeFinding[]; passes: number}> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const only = coloursOnly ? {type: 'rule', values: colourRules} : {type: 'tag', values: axeTags}
  return page.evaluate(async (runOnly) => {
    type Result = {id: string; impact: string | null; nodes: Array<{target: unknown[]; failureSummary?: string}>}
    const axe = (window as unknown as {axe: {run(context: Document, options: object): Promise<{violations: Result[]; incomplete: Result[]; passes: Result[]}>}}).axe
    const result = await axe.run(document, {runOnly, resultTypes: ['violations', 'incomplete']})
    const findings = (list: Result[]) =>
      list.map((r) => ({rule: r.id, impact: r.impact, targets: r.nodes.slice(0, 5).map((n) => n.target.join(' ')), summary: r.nodes[0]?.failureSummary ?? ''}))
    return {violations: findings(result.violations), incomplete: findings(result.incomplete), passes: result.passes.length}
  }, only)
}
