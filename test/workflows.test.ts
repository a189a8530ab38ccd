import {afterAll, describe, expect, it} from 'vitest'
import {readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow} from '@actions/workflow-parser'
import {parse} from 'yaml'
import {edit, pullRequest, removePullRequests} from './helpers/pull-request.ts'
import {seedSource} from './helpers/seed.ts'
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

interface Step {name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string>; 'continue-on-error'?: boolean; 'timeout-minutes'?: number}
interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  concurrency?: {group: string; 'cancel-in-progress': boolean}
  jobs: Record<string, {permissions?: Record<string, string>; steps: Step[]; needs?: string; env?: Record<string, string>}>
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

it('every job that checks or builds the list checks out its whole history (stale references and "added" dates need it)', () => {
  const jobs = files.flatMap((name) => Object.entries(read(name).jobs).map(([id, job]) => ({at: `${name} ${id}`, steps: job.steps})))
  const readers = jobs.filter((job) => job.steps.some((step) => /\bnpm (run (check|build|fix)|test)\b/.test(step.run ?? '')))
  expect(readers.map((job) => job.at)).toEqual(['ci.yml check', 'deploy.yml build'])
  for (const job of readers) {
    const checkout = job.steps.find((step) => step.uses?.startsWith('actions/checkout@'))
    expect(checkout?.with?.['fetch-depth'], job.at).toBe(0)
  }
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

describe('ci.yml on a pull request (issue 13)', () => {
  afterAll(removePullRequests)
  const job = read('ci.yml').jobs['check']!
  const step = (pattern: RegExp) => job.steps.find((each) => pattern.test(each.run ?? ''))!

  it('checks out the whole history, which the diff and the dates need', () => {
    expect(job.steps[0]).toEqual({uses: 'actions/checkout@v4', with: {'fetch-depth': 0}})
  })

  it('compares with the pull request\'s base commit, and writes the diff to the job summary', () => {
    expect(job.env).toEqual({BASE: '${{ github.event.pull_request.base.sha }}'})
    expect(step(/npm run --silent diff/)).toMatchObject({if: "github.event_name == 'pull_request'", run: 'npm run --silent diff -- "$BASE" --markdown >> "$GITHUB_STEP_SUMMARY"'})
  })

  it('checks strictly by default; --new-errors-only only when the repository variable asks for it', () => {
    expect(step(/npm run check/)).toMatchObject({run: 'npm run check -- ${BASE:+--since "$BASE"} $NEW_ERRORS_ONLY', env: {NEW_ERRORS_ONLY: "${{ vars.CHECK_NEW_ERRORS_ONLY == 'true' && '--new-errors-only' || '' }}"}})
  })

  it('builds the site despite errors and uploads it as an artifact, even when the check or the tests failed', () => {
    const build = job.steps.findIndex((each) => each.run?.startsWith('npm run build'))
    expect(job.steps[build]).toMatchObject({if: '${{ !cancelled() }}', run: 'npm run build -- --allow-errors'})
    expect(job.steps[build + 1]).toMatchObject({if: '${{ !cancelled() }}', uses: 'actions/upload-artifact@v4', with: {name: 'site', path: 'dist/'}})
  })

  it('its diff and check commands, run as the runner runs them, write the summary and annotate the pull request\'s own findings first', () => {
    const head = edit(seedSource,
      ['  Arxiv, [Paper](https://arxiv.org/pdf/2402.11187)\n', '  Arxiv, [Paper](https://arxiv.org/pdf/2402.11187)\n- [6] BlockPruner: Fine-grained Pruning for Large Language Models\n  Arxiv, [Paper](https://arxiv.org/abs/2406.10594)\n'],
      ['| Gemma-2B |  [3] |', '| Gemma-2B |  [3],[6],[7] |']
    )
    const dir = pullRequest(seedSource, head)
    const base = spawnSync('git', ['rev-parse', 'main'], {cwd: dir, encoding: 'utf8'}).stdout.trim()
    const summary = join(dir, 'summary.md')
    writeFileSync(summary, '')
    const runner = (command: string) => spawnSync('bash', ['-e', '-c', command], {cwd: dir, encoding: 'utf8', env: {...process.env, BASE: base, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, NEW_ERRORS_ONLY: ''}})

    expect(runner(step(/npm run --silent diff/).run!).status).toBe(0)
    const check = runner(step(/npm run check/).run!)
    expect(check.status).toBe(1)
    const markdown = readFileSync(summary, 'utf8')
    expect(markdown).toMatch(/^## Changes to the list: 1 paper added, 1 citation added, 1 finding introduced\n\n<code>content\/README.md<\/code>: [0-9a-f]{7} → working tree\n/)
    expect(markdown.indexOf('## README check')).toBeGreaterThan(0)
    const annotations = check.stdout.split('\n').filter((line) => line.startsWith('::'))
    expect(annotations[0]).toMatch(/^::error file=content\/README\.md,line=52,.*title=reference-unresolved::Reference \[7\] in `Gemma-2B` matches no paper/)
    expect(annotations.at(-1)).toMatch(/^::notice title=Findings already in the list::12 findings were already in the README/)
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

