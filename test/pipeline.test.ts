import {afterAll, describe, expect, it} from 'vitest'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {build} from '../src/build.ts'
import {complete} from '../src/pipeline.ts'
import {citationKeysOf} from '../src/cite/bibtex.ts'
import {noHistory} from '../src/types.ts'
import {createRenderer} from '../src/render/index.ts'
import {scriptSources} from '../src/client/entries.ts'
import {seed, seedPath} from './helpers/seed.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-pipeline-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

describe('complete(): the finished graph the renderer takes', () => {
  it('cannot be changed, at any depth: a write to it throws (ESM is strict mode)', () => {
    const {graph: linked} = seed()
    const graph = complete(linked, {meta: new Map(), history: noHistory()})
    const renderer = createRenderer(graph, {base: '/', siteUrl: undefined, sourceHref: undefined, assets: {css: 'assets/style.css', scripts: scriptSources}})
    expect(renderer.render(renderer.routes.find((route) => route.page === '')!)).toContain('FoldGPT')
    const paper = graph.papers[0]!
    expect(() => (graph.title = 'changed')).toThrow(TypeError)
    expect(() => (paper.title = 'changed')).toThrow(TypeError)
    expect(() => (paper.venue.year = 1999)).toThrow(TypeError)
    expect(() => graph.papers.push(paper)).toThrow(TypeError)
    expect(() => paper.links.pop()).toThrow(TypeError)
    expect(() => graph.models[0]!.papers.push('x')).toThrow(TypeError)
    // A Map's entries, which Object.freeze alone leaves open.
    expect(() => graph.paper.delete(paper.id)).toThrow(TypeError)
    expect(() => graph.history.added.set(paper.id, '2024-01-01T00:00:00Z')).toThrow(TypeError)
    expect(() => (graph.citationKeys as Map<string, string>).set(paper.id, 'other')).toThrow(TypeError)
    expect(graph.paper.get(paper.id)).toBe(paper)
    expect(graph.papers[0]!.title).not.toBe('changed')
    // The graph it was made from is not the finished one: completing again gives another.
    expect(linked.history).not.toBe(graph.history)
  })

  it('is what a build renders: the graph it returns is frozen, with its citation keys', async () => {
    const result = await build({input: seedPath, out: join(tmp, 'seed'), history: false})
    const graph = result.graph!
    expect(result.written).toBe(true)
    expect(Object.isFrozen(graph) && Object.isFrozen(graph.papers[0]) && Object.isFrozen(graph.papers[0]!.links)).toBe(true)
    expect(() => graph.meta.clear()).toThrow(TypeError)
    expect(citationKeysOf(graph).get(graph.papers[0]!.id)).toBe('shortened2024')
  })

  it('makes the citation keys: a graph that was not completed has none to give, rather than keys made without its history', () => {
    const {graph} = seed()
    expect(() => citationKeysOf(graph)).toThrow(/made by complete\(\)/)
    // Two papers that share a key are lettered in the order the history says they joined the list.
    const twins = structuredClone(graph)
    const [first, second] = twins.papers
    twins.papers = [{...first!, title: 'Same title', venue: {...first!.venue}}, {...second!, title: 'Same title', venue: {...first!.venue}}]
    const older = (id: string) => ({...noHistory(), source: 'git' as const, added: new Map([[id, '2020-01-01T00:00:00Z']])})
    const keysWith = (id: string) => citationKeysOf(complete(twins, {meta: new Map(), history: older(id)}))
    const [a, b] = twins.papers.map((paper) => paper.id) as [string, string]
    expect([keysWith(a).get(a), keysWith(a).get(b)]).toEqual(['same2024', 'same2024b'])
    expect([keysWith(b).get(a), keysWith(b).get(b)]).toEqual(['same2024b', 'same2024'])
  })
})
