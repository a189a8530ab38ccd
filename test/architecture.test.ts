import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {parse} from '@babel/parser'
import {describe, expect, it} from 'vitest'

/**
 * The layer order, written down once. A module may import from its own layer and from layers above it
 * in this list, never from one below it. Paths are relative to the project; a folder ends with `/`.
 * Folders that share a layer may import each other (the cycle test still applies).
 */
const layers: ReadonlyArray<{name: string; paths: readonly string[]}> = [
  {name: 'util', paths: ['src/util/']},
  {name: 'types', paths: ['src/types.ts']},
  // The browser entries and their table: the renderer names scripts, the writer bundles them.
  {name: 'client', paths: ['src/client/']},
  {name: 'parse', paths: ['src/parse/']},
  {name: 'extract', paths: ['src/extract/']},
  {name: 'graph', paths: ['src/graph/']},
  // History reads old versions of the list through parse, extract and link; rules check references against it.
  {name: 'history/meta/cite', paths: ['src/history/', 'src/meta/', 'src/cite/']},
  {name: 'rules', paths: ['src/rules/']},
  {name: 'report', paths: ['src/report/']},
  {name: 'render', paths: ['src/render/']},
  {name: 'write', paths: ['src/write/']},
  {name: 'pipeline', paths: ['src/read.ts', 'src/analyze.ts', 'src/pipeline.ts', 'src/build-options.ts', 'src/build.ts', 'src/publish.ts']},
  {name: 'dev/diff/fix', paths: ['src/dev/', 'src/diff/', 'src/fix/']},
  {name: 'scripts', paths: ['scripts/']},
  // Last: tests may import anything, and nothing (scripts included) may import a test or its helpers.
  {name: 'test', paths: ['test/']}
]

/** Functions in src/ longer than this are split into named steps. */
const maxFunctionLines = 80

const root = resolve(import.meta.dirname, '..')

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((path) => !path.split('/').includes('fixtures'))
    .sort()
}

function layerOf(path: string): number {
  return layers.findIndex((layer) => layer.paths.some((prefix) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix)))
}

const parsed = new Map<string, ReturnType<typeof parse>>()

function syntaxTree(path: string) {
  let tree = parsed.get(path)
  if (!tree) {
    tree = parse(readFileSync(join(root, path), 'utf8'), {sourceType: 'module', plugins: ['typescript'], errorRecovery: false})
    parsed.set(path, tree)
  }
  return tree
}

type Node = {type: string; loc?: {start: {line: number}; end: {line: number}} | null; [key: string]: unknown}

/** Every node of a Babel tree, depth first. */
function* nodes(node: unknown): Generator<Node> {
  if (Array.isArray(node)) for (const child of node) yield* nodes(child)
  else if (node && typeof node === 'object' && typeof (node as Node).type === 'string') {
    yield node as Node
    for (const [key, value] of Object.entries(node)) if (key !== 'loc' && key !== 'extra' && typeof value === 'object') yield* nodes(value)
  }
}

interface Import {
  from: string
  to: string
  specifier: string
  line: number
}

/** The project modules a file imports: static imports, re-exports and `import()` of a string, types included. */
function importsOf(path: string): Import[] {
  const found: Import[] = []
  for (const node of nodes(syntaxTree(path).program)) {
    const source =
      node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration'
        ? (node['source'] as {value?: unknown} | null)?.value
        : node.type === 'ImportExpression' || (node.type === 'CallExpression' && (node['callee'] as Node).type === 'Import')
          ? ((node['source'] ?? (node['arguments'] as Node[])[0]) as {value?: unknown} | undefined)?.value
          : undefined
    if (typeof source !== 'string' || !source.startsWith('.')) continue
    const target = relative(root, resolve(root, dirname(path), source))
    const to = existsSync(join(root, target)) ? target : target.replace(/\.js$/, '.ts')
    found.push({from: path, to, specifier: source, line: node.loc?.start.line ?? 0})
  }
  return found
}

const files = [...sourceFiles('src'), ...sourceFiles('scripts'), ...sourceFiles('test')]
const srcFiles = files.filter((path) => path.startsWith('src/'))
const graph = new Map(files.map((path) => [path, importsOf(path)]))

describe('the layers', () => {
  it('places every module of src/ and scripts/ in a layer', () => {
    expect(files.filter((path) => layerOf(path) < 0)).toEqual([])
  })

  it('has no module that imports from a later layer', () => {
    const against = [...graph.values()].flat().flatMap((edge) => {
      const [from, to] = [layerOf(edge.from), layerOf(edge.to)]
      if (from < 0 || to <= from) return []
      return [`${edge.from}:${edge.line} imports '${edge.specifier}' (${edge.to}): layer "${layers[from]!.name}" may not import from the later layer "${layers[to]!.name}"`]
    })
    expect(against, against.join('\n')).toEqual([])
  })

  it('has no import cycle', () => {
    const cycles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const stack: string[] = []
    const visit = (path: string): void => {
      state.set(path, 'open')
      stack.push(path)
      for (const {to} of graph.get(path) ?? []) {
        if (state.get(to) === 'open') cycles.push([...stack.slice(stack.indexOf(to)), to].join(' → '))
        else if (!state.has(to) && graph.has(to)) visit(to)
      }
      stack.pop()
      state.set(path, 'done')
    }
    for (const path of graph.keys()) if (!state.has(path)) visit(path)
    expect(cycles, cycles.join('\n')).toEqual([])
  })
})

describe('the functions', () => {
  const functionTypes = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod'])

  it(`has no function in src/ over ${maxFunctionLines} lines`, () => {
    const long = srcFiles.flatMap((path) =>
      [...nodes(syntaxTree(path).program)].flatMap((node) => {
        if (!functionTypes.has(node.type) || !node.loc) return []
        const lines = node.loc.end.line - node.loc.start.line + 1
        const name = (node['id'] as {name?: string} | null)?.name ?? (node['key'] as {name?: string} | undefined)?.name ?? '(anonymous)'
        return lines > maxFunctionLines ? [`${path}:${node.loc.start.line} ${name} is ${lines} lines`] : []
      })
    )
    expect(long, long.join('\n')).toEqual([])
  })
})
