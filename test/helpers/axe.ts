import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import type {Page} from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** The WCAG 2.1 A and AA rules, and axe's best practices (landmarks, heading order, …). */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

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
export async function runAxe(page: Page): Promise<{violations: AxeFinding[]; incomplete: AxeFinding[]; passes: number}> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  return page.evaluate(async (tags) => {
    type Result = {id: string; impact: string | null; nodes: Array<{target: unknown[]; failureSummary?: string}>}
    const axe = (window as unknown as {axe: {run(context: Document, options: object): Promise<{violations: Result[]; incomplete: Result[]; passes: Result[]}>}}).axe
    const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'incomplete']})
    const findings = (list: Result[]) =>
      list.map((r) => ({rule: r.id, impact: r.impact, targets: r.nodes.slice(0, 5).map((n) => n.target.join(' ')), summary: r.nodes[0]?.failureSummary ?? ''}))
    return {violations: findings(result.violations), incomplete: findings(result.incomplete), passes: result.passes.length}
  }, axeTags)
}
