import {execFile, spawn} from 'node:child_process'
import {basename, dirname} from 'node:path'
import {promisify} from 'node:util'
import {VFile} from 'vfile'
import {parseSplit} from '../parse/split.ts'
import {PieceCache} from '../parse/cache.ts'
import {findDeepNode, findTooDeep} from '../parse/guard.ts'
import {resolveReferences} from '../parse/references.ts'
import {inheritPositions} from '../parse/positions.ts'
import {extract} from '../extract/index.ts'
import {link} from '../graph/link.ts'
import {repository} from './git-log.ts'
import {renamedKinds, type Graph, type Id, type Renames} from '../types.ts'
import {words} from '../util/text.ts'

/**
 * Old addresses that keep working: when fixing a typo (`LLaMaA2-13B` → `LLaMA2-13B`) or a title changes
 * a page's id, the README's git history says which id the old one became, so the site can leave a
 * redirect at the old address and read the old id in a shared filter link.
 *
 * Every committed version of the README whose diff removed lines is read (`git show <sha>:<path>`, in
 * one `git cat-file --batch`) and compared with the version before it: an id can only disappear where
 * a line went. Identity is what stays when a name changes: a paper's arXiv id, else its first link,
 * else its title; a table row's place among its kind and the papers it cites; a label's or venue's
 * papers. Without history there are no renames: nothing is invented.
 */

export function noRenames(): Renames {
  return {paper: new Map(), model: new Map(), dataset: new Map(), method: new Map(), label: new Map(), venue: new Map()}
}

/** The renames in the history of `readme`, up to `current` (the graph being built, which may hold uncommitted edits). */
export async function readRenames(readme: string, current: Graph): Promise<Renames> {
  return renamesAcross([...(await committedVersions(readme)), current])
}

/**
 * The committed versions of `readme` worth comparing, oldest first, as graphs: what `readRenames` compares the
 * current graph with. `current`, the README's text as it is being built, leaves out a newest version that is
 * the same text.
 */
export async function committedVersions(readme: string, current?: string): Promise<Graph[]> {
  return versionGraphs(await committedTexts(readme).catch(() => []), current)
}

/** Those texts as graphs. */
export function versionGraphs(texts: string[], current?: string): Graph[] {
  const versions = [...texts]
  // The newest commit's README, when it is the text being built (a build of a clean checkout), adds nothing:
  // its graph is the current one, compared with itself. It is not parsed a second time.
  if (current !== undefined && versions.at(-1) === current) versions.pop()
  const cache = new PieceCache()
  const graphs: Graph[] = []
  for (const text of versions) {
    const graph = analyzeVersion(text, cache)
    if (graph) graphs.push(graph)
  }
  return graphs
}

/**
 * Follows ids from version to version, oldest first, and returns those that no longer exist with
 * the id each became in the last version. Each item of `versions` is compared with the one before it.
 */
export function renamesAcross(versions: Graph[]): Renames {
  const result = noRenames()
  for (let n = 1; n < versions.length; n++) {
    const before = versions[n - 1]!
    const after = versions[n]!
    const step = renamesBetween(before, after)
    for (const kind of renamedKinds) {
      const aliases = result[kind]
      const exists = (id: Id) => after[kind].has(id)
      // Earlier former ids follow their target if it moved now, and go if it vanished.
      for (const [old, target] of aliases) {
        const next = exists(target) ? target : step[kind].get(target)
        if (next === undefined) aliases.delete(old)
        else aliases.set(old, next)
      }
      for (const [old, next] of step[kind]) aliases.set(old, next)
      // An address in use again belongs to what uses it now.
      for (const old of [...aliases.keys()]) if (exists(old)) aliases.delete(old)
    }
  }
  return result
}

/** The ids of `before` that `after` no longer has, matched by identity to ids that are new in `after`. */
export function renamesBetween(before: Graph, after: Graph): Renames {
  const step = noRenames()
  // Papers first: the entities' identities are the papers they cite, seen through the papers' renames.
  matchBy(step.paper, before.papers, after.papers, (paper) => [paper.arxiv && `arxiv:${paper.arxiv}`, paper.links[0] && `link:${paper.links[0].href}`, `title:${fold(paper.title)}`])
  const paperNow = (id: Id) => step.paper.get(id) ?? id
  matchRows(step.model, before.models, after.models, paperNow)
  matchRows(step.dataset, before.datasets, after.datasets, paperNow)
  matchRows(step.method, before.methods, after.methods, paperNow)
  const members = (group: {papers: Id[]}) => [group.papers.length > 0 && `papers:${group.papers.map(paperNow).sort().join(' ')}`]
  matchBy(step.label, before.labels, after.labels, members)
  matchBy(step.venue, before.venues, after.venues, members)
  return step
}

/**
 * Matches each vanished id to a new one by the first identity key (in the order `keys` gives them)
 * that exactly one new id shares with it. A key that is false or undefined is not known.
 */
function matchBy<T extends {id: Id}>(into: Map<Id, Id>, before: T[], after: T[], keys: (item: T) => Array<string | false | undefined>): void {
  const kept = new Set(before.map((item) => item.id))
  const ids = new Set(after.map((item) => item.id))
  const vanished = before.filter((item) => !ids.has(item.id))
  let fresh = after.filter((item) => !kept.has(item.id))
  for (let level = 0; vanished.length > 0 && fresh.length > 0 && level < keys(vanished[0]!).length; level++) {
    const byKey = new Map<string, Id[]>()
    for (const item of fresh) {
      const key = keys(item)[level]
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), item.id])
    }
    const taken = new Set<Id>()
    for (const item of vanished) {
      const key = keys(item)[level]
      const found = key ? byKey.get(key) : undefined
      if (into.has(item.id) || found?.length !== 1 || taken.has(found[0]!)) continue
      into.set(item.id, found[0]!)
      taken.add(found[0]!)
    }
    fresh = fresh.filter((item) => !taken.has(item.id))
  }
}

/**
 * A table row renamed in place keeps its place among the rows of its kind and cites the same papers.
 * It is matched when both hold, or when it cites exactly the same papers as one new row alone.
 */
function matchRows(into: Map<Id, Id>, before: Array<{id: Id; papers: Id[]}>, after: Array<{id: Id; papers: Id[]}>, paperNow: (id: Id) => Id): void {
  const kept = new Set(before.map((row) => row.id))
  const ids = new Set(after.map((row) => row.id))
  const fresh = after.map((row, place) => ({row, place, papers: new Set(row.papers)})).filter(({row}) => !kept.has(row.id))
  before.forEach((row, place) => {
    if (ids.has(row.id)) return
    const papers = row.papers.map(paperNow)
    const same = (candidate: {papers: Set<Id>}) => papers.length > 0 && papers.length === candidate.papers.size && papers.every((id) => candidate.papers.has(id))
    const overlaps = (candidate: {papers: Set<Id>}) => papers.length === 0 ? candidate.papers.size === 0 : papers.filter((id) => candidate.papers.has(id)).length * 2 >= Math.max(papers.length, candidate.papers.size)
    const inPlace = fresh.filter((candidate) => candidate.place === place && overlaps(candidate))
    const alike = fresh.filter(same)
    const match = inPlace.length === 1 ? inPlace[0] : alike.length === 1 ? alike[0] : undefined
    if (match && ![...into.values()].includes(match.row.id)) into.set(row.id, match.row.id)
  })
}

/** One version of the README as a graph, or nothing when it cannot be read (then it is skipped, not guessed at). */
function analyzeVersion(text: string, cache: PieceCache): Graph | undefined {
  if (findTooDeep(text)) return undefined
  try {
    const file = new VFile({path: 'README.md', value: text})
    const tree = parseSplit(file, {cache})
    if (findDeepNode(tree)) return undefined
    return link(extract(inheritPositions(resolveReferences(tree)), file))
  } catch {
    return undefined
  }
}

const run = promisify(execFile)

/**
 * The committed versions of the README worth comparing, as texts, oldest first: each commit that removed
 * lines, with the version before it. Renames of the file itself are followed. Fails when git does.
 */
export async function committedTexts(readme: string): Promise<string[]> {
  const cwd = dirname(readme)
  // A git hook or a parent git process may export these; the repository is the one the list is in.
  const env = {...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_INDEX_FILE: undefined, LC_ALL: 'C'}
  const where = await repository(readme)
  if ('reason' in where) return []
  const {top} = where
  const {stdout} = await run('git', ['-c', 'core.quotepath=off', 'log', '--follow', '--format=%x1e%H', '--numstat', '--', basename(readme)], {cwd, env, maxBuffer: 64 << 20})
  const commits = stdout
    .split('\x1e')
    .filter(Boolean)
    .map((block) => {
      const [hash = '', ...rest] = block.trim().split('\n')
      const stat = rest.find((line) => line.includes('\t'))?.split('\t') ?? []
      return {hash, removed: Number(stat[1]) || 0, path: pathAfter(stat.slice(2).join('\t'))}
    })
    .reverse()
  const wanted = new Set<number>()
  commits.forEach((commit, n) => {
    if (commit.removed > 0 && n > 0) wanted.add(n - 1).add(n)
  })
  // The last commit, against the README as it is now (which may hold edits not committed yet).
  if (commits.length > 0) wanted.add(commits.length - 1)
  const picked = [...wanted].sort((a, b) => a - b).map((n) => commits[n]!)
  if (picked.length === 0) return []
  return catFiles(top, picked.map((commit) => `${commit.hash}:${commit.path}`), env)
}

/** `a => b`, `dir/{a => b}/c` (numstat's way of naming a renamed file): the path after the rename. */
function pathAfter(path: string): string {
  return path.replace(/\{[^{}]* => ([^{}]*)\}/g, '$1').replace(/^.* => /, '').replace(/\/\//g, '/')
}

/** Every `<rev>:<path>` blob, read in one `git cat-file --batch`. */
function catFiles(cwd: string, specs: string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], {cwd, env, stdio: ['pipe', 'pipe', 'ignore']})
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', reject)
    child.on('close', () => {
      const all = Buffer.concat(chunks)
      const texts: string[] = []
      let at = 0
      while (at < all.length) {
        const end = all.indexOf(10, at)
        if (end === -1) break
        const header = all.subarray(at, end).toString('utf8').split(' ')
        at = end + 1
        if (header[1] !== 'blob') continue
        const size = Number(header[2])
        texts.push(all.subarray(at, at + size).toString('utf8'))
        at += size + 1
      }
      resolve(texts)
    })
    child.stdin.end(`${specs.join('\n')}\n`)
  })
}

/** Letters and digits only, lower case: a title's key survives a changed colon or space. */
function fold(text: string): string {
  return words(text)
}
