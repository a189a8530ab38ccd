import {describe, expect, it} from 'vitest'
import {readFileSync, readdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow} from '@actions/workflow-parser'
import {parse} from 'yaml'
import {metaPathFor} from '../src/meta/cache.ts'

/**
 * The CI workflows (issue 3, point 7), validated offline against GitHub's own workflow schema
 * (`@actions/workflow-parser`, the parser behind GitHub's Actions language server), then held to the policy:
 * a concurrency group, least-privilege permissions, npm cache, actions pinned to major versions.
 */
const dir = fileURLToPath(new URL('../.github/workflows/', import.meta.url))
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort()

async function schemaErrors(name: string, content: string): Promise<string[]> {
  const result = parseWorkflow({name, content}, new NoOperationTraceWriter())
  const errors = result.context.errors.getErrors().map((error) => error.message)
  if (errors.length > 0 || !result.value) return errors
  const template = await convertWorkflowTemplate(result.context, result.value)
  return (template.errors ?? []).map((error) => error.Message)
}

interface Step {name?: string; id?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; 'continue-on-error'?: boolean; 'timeout-minutes'?: number}
interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  concurrency?: {group: string; 'cancel-in-progress': boolean}
  jobs: Record<string, {permissions?: Record<string, string>; steps: Step[]; needs?: string}>
}
const read = (name: string): Workflow => parse(readFileSync(dir + name, 'utf8'))

it('finds the three workflows', () => {
  expect(files).toEqual(['ci.yml', 'deploy.yml', 'refresh-metadata.yml'])
})

describe.each(files)('%s', (name) => {
  const content = readFileSync(dir + name, 'utf8')
  const workflow = read(name)
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)

  it('is valid against the GitHub workflow schema', async () => {
    expect(await schemaErrors(name, content)).toEqual([])
  })

  it('has a concurrency group and read-only permissions by default', () => {
    expect(workflow.concurrency?.group).toBeTruthy()
    expect(workflow.permissions).toEqual({contents: 'read'})
  })

  it('pins every action to a major version and caches npm', () => {
    const uses = steps.flatMap((step) => (step.uses ? [step.uses] : []))
    expect(uses.length).toBeGreaterThan(0)
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/)
    const node = steps.filter((step) => step.uses?.startsWith('actions/setup-node@'))
    expect(node).toHaveLength(1)
    expect(node[0]?.with).toMatchObject({cache: 'npm', 'node-version': 20})
  })
})

describe('ci.yml', () => {
  const workflow = read('ci.yml')
  const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.run ? [step.run] : [])))

  it('runs on pull requests: npm ci, the check (which annotates), the tests, the build, in that order', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request')
    const order = ['npm ci', 'npm run check', 'npm test', 'npm run build'].map((command) => runs.findIndex((run) => run.startsWith(command)))
    expect(order.every((index) => index !== -1)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(Object.values(workflow.jobs).every((job) => job.permissions === undefined)).toBe(true)
  })

  it('installs, before the tests, every Debian package that .ci/run installs for them (Chromium and the fonts)', () => {
    const script = readFileSync(fileURLToPath(new URL('../.ci/run', import.meta.url)), 'utf8')
    const packages = [...script.matchAll(/apt-get install -y ([^\n]+)/g)].flatMap((match) => match[1]!.split(/\s+/).filter((word) => !word.startsWith('-')))
    expect(packages).toEqual(expect.arrayContaining(['chromium', 'fonts-noto-cjk', 'fonts-noto-color-emoji']))
    const tests = runs.findIndex((run) => run.startsWith('npm test'))
    for (const name of packages) expect(runs.findIndex((run) => run.includes(name)), name).toBeLessThan(tests)
    for (const name of packages) expect(runs.findIndex((run) => run.includes(name)), name).not.toBe(-1)
  })
})

describe('deploy.yml', () => {
  const workflow = read('deploy.yml')

  it('builds on push to main with the base path and site URL from the Pages settings, then deploys', () => {
    expect(workflow.on).toMatchObject({push: {branches: ['main']}})
    const build = workflow.jobs['build']!
    const command = build.steps.find((step) => step.run?.startsWith('npm run build'))?.run
    expect(command).toBe('npm run build -- --base "${{ steps.pages.outputs.base_path }}/" --site-url "${{ steps.pages.outputs.origin }}" --source-url "https://github.com/${{ github.repository }}/blob/${{ github.event.repository.default_branch }}/content/README.md"')
    expect(build.steps.map((step) => step.uses?.replace(/@.*/, '')).filter(Boolean)).toEqual(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-pages-artifact'])
    expect(workflow.jobs['deploy']?.steps.map((step) => step.uses?.replace(/@.*/, ''))).toEqual(['actions/deploy-pages'])
    expect(workflow.concurrency).toEqual({group: 'pages', 'cancel-in-progress': false})
  })

  it('grants each job only what it needs: reading Pages settings to build, writing Pages and an OIDC token to deploy', () => {
    expect(workflow.jobs['build']?.permissions).toEqual({contents: 'read', pages: 'read'})
    expect(workflow.jobs['deploy']?.permissions).toEqual({pages: 'write', 'id-token': 'write'})
  })
})

it('the schema check fails a broken workflow, with a reason', async () => {
  const broken = readFileSync(dir + 'ci.yml', 'utf8').replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest').replace('contents: read', 'contents: banana')
  const errors = await schemaErrors('broken.yml', broken)
  expect(errors.join('\n')).toMatch(/runs-onn/)
  expect(errors.join('\n')).toMatch(/banana/)
})

/** The step that runs `npm run enrich` in a workflow's job. */
const enrichStep = (workflow: Workflow, job: string) => workflow.jobs[job]!.steps.find((step) => step.run?.startsWith('npm run enrich'))!

describe('arXiv metadata in production (issue 14)', () => {
  const deploy = read('deploy.yml')
  const refresh = read('refresh-metadata.yml')
  const cache = metaPathFor('content/README.md')

  it('the deploy fetches what the cache lacks before it builds, best effort: a failure warns and the build goes on', () => {
    const steps = deploy.jobs['build']!.steps
    const enrich = enrichStep(deploy, 'build')
    const at = (step: Step | undefined) => steps.indexOf(step!)
    expect(at(enrich)).toBeGreaterThan(at(steps.find((step) => step.run === 'npm ci')))
    expect(at(enrich)).toBeLessThan(at(steps.find((step) => step.run?.startsWith('npm run build'))))
    expect(enrich.run).toMatch(/^npm run enrich -- --api "\$ARXIV_API" \|\| echo "::warning title=arXiv metadata::[^"]+"$/)
    expect(enrich.env).toEqual({ARXIV_API: 'https://export.arxiv.org/api/query'})
    expect(enrich['continue-on-error']).toBe(true)
    expect(enrich['timeout-minutes']).toBeLessThanOrEqual(10)
    // Fetching needs no permission: the build job still only reads.
    expect(deploy.jobs['build']?.permissions).toEqual({contents: 'read', pages: 'read'})
  })

  it('a monthly, and manual, workflow refreshes every entry and proposes the cache in a pull request, with only the permissions that takes', () => {
    expect(Object.keys(refresh.on).sort()).toEqual(['schedule', 'workflow_dispatch'])
    const [cron] = (refresh.on['schedule'] as Array<{cron: string}>).map((entry) => entry.cron.split(' '))
    // minute hour day-of-month month day-of-week: one fixed day of every month.
    expect(cron).toHaveLength(5)
    expect(cron!.slice(0, 3).every((field) => /^\d+$/.test(field))).toBe(true)
    expect(cron!.slice(3)).toEqual(['*', '*'])
    expect(Object.keys(refresh.jobs)).toEqual(['refresh'])
    expect(refresh.jobs['refresh']?.permissions).toEqual({contents: 'write', 'pull-requests': 'write'})
    const pr = refresh.jobs['refresh']!.steps.find((step) => step.run?.includes('gh pr create'))!
    expect(pr.env?.['GH_TOKEN']).toBe('${{ github.token }}')
    // It commits the one file the build reads, and nothing else.
    expect(pr.run).toContain(`git diff --quiet -- ${cache}`)
    expect(pr.run).toContain(`git add ${cache}\n`)
    expect(pr.run!.match(/git add/g)).toHaveLength(1)
  })

  it('keeps the two enrich steps in step: the same command and API, the refresh adding --refresh', () => {
    const fetchMissing = enrichStep(deploy, 'build')
    const fetchAll = enrichStep(refresh, 'refresh')
    expect(fetchAll.env).toEqual(fetchMissing.env)
    const command = (step: Step) => step.run!.split(' || ')[0]
    expect(command(fetchAll)).toBe(command(fetchMissing)!.replace('npm run enrich --', 'npm run enrich -- --refresh'))
    // Every flag they pass is one that scripts/enrich.ts reads.
    const script = readFileSync(fileURLToPath(new URL('../scripts/enrich.ts', import.meta.url)), 'utf8')
    for (const flag of command(fetchAll)!.match(/--[a-z-]+/g)!.filter((flag) => flag !== '--')) expect(script, flag).toMatch(new RegExp(`\\b'?${flag.slice(2)}'?: \\{type`))
  })
})

