import {afterAll, describe, expect, it} from 'vitest'
import {chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {build} from '../src/build.ts'
import {seedSource} from './helpers/seed.ts'
import {scriptedRepo} from './helpers/git-repo.ts'
import {scratch} from './helpers/scratch.ts'

/**
 * A build keeps the README's committed history for the next build (src/history/stored.ts): the next build
 * of the same README starts no git process while the repository is as it was, and asks git again once a
 * commit, a checkout or a new repository around the README changed what git would answer.
 */
const tmp = scratch('history-stored')
const entry = (n: number) => new RegExp(`- \\[${n}\\][^\\n]*\\n[^\\n]*\\n`)
const before = seedSource.replace(entry(5), '')
const repo = scriptedRepo([{date: '2024-01-15T10:00:00Z', files: {'list/README.md': before}}], join(tmp.dir, 'repo'))
const readme = join(repo, 'list', 'README.md')
// LaCo ([5]) is in the README but not committed yet: the first builds give it its own date (2024-02), not one
// from the history.
writeFileSync(readme, seedSource)

/** A `git` first on the PATH that notes each call, then runs the real one. */
const calls = join(tmp.dir, 'git-calls')
const wrapper = join(tmp.dir, 'bin')
mkdirSync(wrapper, {recursive: true})
writeFileSync(join(wrapper, 'git'), `#!/bin/sh\necho "$*" >> '${calls}'\nexec '${execFileSync('sh', ['-c', 'command -v git'], {encoding: 'utf8'}).trim()}' "$@"\n`)
chmodSync(join(wrapper, 'git'), 0o755)

/** Builds the README with the wrapper on the PATH; returns the git commands it started (their subcommands) and the LaCo paper's "added" date. */
async function buildAndCount(name: string): Promise<{git: string[]; laco: string | undefined}> {
  rmSync(calls, {force: true})
  const path = process.env['PATH']
  process.env['PATH'] = `${wrapper}:${path}`
  try {
    const out = join(tmp.dir, name)
    expect((await build({input: readme, out})).written).toBe(true)
    const page = readFileSync(join(out, 'papers', 'laco', 'index.html'), 'utf8')
    const commands = existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : []
    return {git: commands.map((command) => command.replace(/^(-c \S+ )+/, '').split(' ')[0]!), laco: /In this list since<\/dt><dd><time datetime="([^"]+)"/.exec(page)?.[1]}
  } finally {
    process.env['PATH'] = path
  }
}

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    env: {...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_AUTHOR_DATE: '2024-03-01T09:00:00Z', GIT_COMMITTER_DATE: '2024-03-01T09:00:00Z'}
  })

afterAll(() => tmp.dispose())

describe('the committed history kept between builds', () => {
  it('is read from git once, then kept while the repository is as it was', async () => {
    const first = await buildAndCount('first')
    expect(first.git).toContain('log')
    expect(first.laco).toBe('2024-02')
    const second = await buildAndCount('second')
    expect(second.git).toEqual([])
    // The same site, byte for byte, from the kept history.
    for (const page of ['index.html', 'new/index.html', 'papers/laco/index.html']) expect(readFileSync(join(tmp.dir, 'second', page), 'utf8')).toBe(readFileSync(join(tmp.dir, 'first', page), 'utf8'))
  })

  it('is read again after a commit: the paper it added has its date', async () => {
    git('commit', '-q', '-am', 'LaCo')
    const after = await buildAndCount('after-commit')
    expect(after.git).toContain('log')
    expect(after.laco).toBe('2024-03-01')
    expect((await buildAndCount('kept-again')).git).toEqual([])
  })

  it('is read again after a checkout of another commit', async () => {
    git('checkout', '-q', '--detach', 'HEAD~1')
    writeFileSync(readme, seedSource)
    const back = await buildAndCount('checked-out')
    expect(back.git).toContain('log')
    expect(back.laco).toBe('2024-02')
    git('checkout', '-q', '-f', 'main')
  })

  it('is not used once the README is in a repository of its own, inside the first', async () => {
    await buildAndCount('warm')
    expect((await buildAndCount('warm-again')).git).toEqual([])
    execFileSync('git', ['init', '-q'], {cwd: join(repo, 'list'), env: {...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined}})
    const nested = await buildAndCount('nested')
    expect(nested.git).toContain('rev-parse')
    // The new repository has no commit: no paper has a date from the history.
    expect(nested.laco).toBe('2024-02')
    expect(readFileSync(join(tmp.dir, 'nested', 'new', 'index.html'), 'utf8')).toContain('no git history')
  })
})
