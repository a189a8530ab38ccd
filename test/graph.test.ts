import {describe, expect, it} from 'vitest'
import {seed} from './helpers/seed.ts'
import {arxivDate, arxivId} from '../src/util/arxiv.ts'
import {modelFamily} from '../src/graph/model-family.ts'
import {slugify, SlugRegistry} from '../src/util/slug.ts'

describe('the graph of the seed', () => {
  const {graph} = seed()
  const edges = (kind: 'models' | 'datasets' | 'methods') => graph.papers.reduce((n, p) => n + p[kind].length, 0)

  it('holds exactly 5 papers, 12 models, 22 datasets, 3 methods and 2 tools', () => {
    expect(graph.papers).toHaveLength(5)
    expect(graph.models).toHaveLength(12)
    expect(graph.datasets).toHaveLength(22)
    expect(graph.methods).toHaveLength(3)
    expect(graph.tools).toHaveLength(2)
  })

  it('splits the datasets 1 calibration, 2 finetuning, 19 evaluation', () => {
    const count = (role: string) => graph.datasets.filter((d) => d.roles.includes(role as never)).length
    expect([count('calibration'), count('finetuning'), count('evaluation')]).toEqual([1, 2, 19])
  })

  it('has 15 paper–model, 38 paper–dataset and 3 paper–method edges, the same from both ends', () => {
    expect([edges('models'), edges('datasets'), edges('methods')]).toEqual([15, 38, 3])
    const reverse = (list: Array<{papers: string[]}>) => list.reduce((n, e) => n + e.papers.length, 0)
    expect([reverse(graph.models), reverse(graph.datasets), reverse(graph.methods)]).toEqual([15, 38, 3])
  })

  it('links every entity to the right papers, entity by entity', () => {
    const numbers = (ids: string[]) => ids.map((id) => graph.paper.get(id)?.number)
    const table = (list: Array<{name: string; papers: string[]}>) => Object.fromEntries(list.map((e) => [e.name, numbers(e.papers)]))
    expect(table(graph.models)).toEqual({
      'LLaMA2-7B': [2, 3, 4], 'LLaMaA2-13B': [2, 4], 'LLaMaA3-8B': [4], 'LLaMaA3-70B': [4],
      'Baichuan2-7B': [2], 'Baichuan2-13B': [2], 'LLaMA-7B': [1], 'Vicuna-7b-v1.3': [1], 'Vicuna-13b-v1.3': [1],
      'Gemma-2B': [3], 'TinyLLaMA-1.1B': [3], 'Mixtral-7B': [4]
    })
    expect(table(graph.methods)).toEqual({'Low-RankAdaptation (LoRA)': [1], 'ContinuedPretraining (CPT)': [1], 'CPT+LoRA': [1]})
    expect(table(graph.datasets)).toEqual({
      BookCorpus: [1], 'the cleaned version of Alpaca': [1, 3], SlimPajama: [1],
      BoolQ: [1, 2, 3, 4], PIQA: [1, 2, 3, 4], WikiText2: [1, 3], PTB: [1, 3], HellaSwag: [1, 2, 3, 4],
      WinoGrande: [1, 3], 'ARC-easy': [1], 'ARC-challenge': [1], OpenbookQA: [1], MMLU: [2, 3, 4], CMMLU: [2],
      CMNLI: [2], CHID: [2], CoQA: [2], Race: [2, 4], XSum: [2], C3: [2], PG19: [2], SCIQ: [3]
    })
    const foldgpt = graph.papers[2]!
    expect(foldgpt.models.map((id) => graph.model.get(id)?.name)).toEqual(['LLaMA2-7B', 'Gemma-2B', 'TinyLLaMA-1.1B'])
    expect(graph.papers[4]?.models).toEqual([])
  })

  it('gives every entity a URL-safe id, unique within its kind', () => {
    for (const list of [graph.papers, graph.models, graph.datasets, graph.methods, graph.tools]) {
      const ids = list.map((e) => e.id)
      expect(new Set(ids).size).toBe(ids.length)
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    }
    expect(graph.model.get('gemma-2b')?.name).toBe('Gemma-2B')
    expect(graph.papers.map((p) => p.id)).toEqual(['shortened-llama', 'shortgpt', 'foldgpt', 'pruning-via-merging', 'laco'])
  })

  it('dates each paper from its arXiv id', () => {
    expect(graph.papers.map((p) => [p.arxiv, p.date?.year, p.date?.month])).toEqual([
      ['2402.02834', 2024, 2], ['2403.03853', 2024, 3], ['2407.00928', 2024, 7], ['2406.16330', 2024, 6], ['2402.11187', 2024, 2]
    ])
  })

  it('groups models by family with their parameter size', () => {
    expect(graph.models.map((m) => `${m.family} ${m.params}`)).toEqual([
      'LLaMA2 7B', 'LLaMaA2 13B', 'LLaMaA3 8B', 'LLaMaA3 70B', 'Baichuan2 7B', 'Baichuan2 13B', 'LLaMA 7B',
      'Vicuna 7B', 'Vicuna 13B', 'Gemma 2B', 'TinyLLaMA 1.1B', 'Mixtral 7B'
    ])
  })
})

describe('arXiv ids', () => {
  it('come from /pdf/ and /abs/ URLs, with or without a version or .pdf', () => {
    expect(arxivId('https://arxiv.org/pdf/2402.02834')).toBe('2402.02834')
    expect(arxivId('https://arxiv.org/abs/2402.02834v3')).toBe('2402.02834')
    expect(arxivId('https://arxiv.org/pdf/2402.02834v2.pdf')).toBe('2402.02834')
    expect(arxivId('http://www.arxiv.org/abs/2301.00774/')).toBe('2301.00774')
    expect(arxivId('https://arxiv.org/abs/cs/0112017')).toBe('cs/0112017')
    expect(arxivId('https://github.com/x/2402.02834')).toBeUndefined()
    expect(arxivId('not a url')).toBeUndefined()
  })

  it('give the year and month of a new-style id', () => {
    expect(arxivDate('2402.02834')).toEqual({year: 2024, month: 2})
    expect(arxivDate('0704.0001')).toEqual({year: 2007, month: 4})
    expect(arxivDate('cs/9912017')).toEqual({year: 1999, month: 12})
    expect(arxivDate('2413.00001')).toBeUndefined()
  })
})

describe('model families', () => {
  it('parse sizes from names', () => {
    expect(modelFamily('Mixtral-8x7B')).toEqual({family: 'Mixtral', params: '8x7B', paramsBillions: 56})
    expect(modelFamily('OPT-350m')).toMatchObject({family: 'OPT', params: '350M'})
    expect(modelFamily('BERT')).toEqual({family: 'BERT', params: undefined, paramsBillions: undefined})
  })
})

describe('slugs', () => {
  it('stay ASCII, and hash text with no ASCII letters', () => {
    expect(slugify('Crème brûlée LLM')).toBe('creme-brulee-llm')
    expect(slugify('剪枝')).toMatch(/^x-[0-9a-f]{8}$/)
    expect(slugify('剪枝')).toBe(slugify('剪枝'))
    expect(slugify('剪枝')).not.toBe(slugify('量化'))
  })

  it('resolve collisions in order', () => {
    const ids = new SlugRegistry()
    expect([ids.claim(['a']), ids.claim(['a']), ids.claim(['a', 'b']), ids.claim(['a'])]).toEqual(['a', 'a-2', 'b', 'a-3'])
  })
})

describe('venues', () => {
  it('read into name, year and track; a preprint is its own venue', async () => {
    const {parseVenue} = await import('../src/extract/venue.ts')
    const read = (text: string) => {
      const v = parseVenue(text)
      return [v.name, v.year ?? null, v.track ?? null, v.preprint]
    }
    expect(read('Arxiv')).toEqual(['arXiv', null, null, true])
    expect(read('ICML23')).toEqual(['ICML', 2023, null, false])
    expect(read('ICLR 2024')).toEqual(['ICLR', 2024, null, false])
    expect(read('NeurIPS 2024')).toEqual(['NeurIPS', 2024, null, false])
    expect(read('ACL 2024 Findings')).toEqual(['ACL', 2024, 'Findings', false])
    expect(read('NAACL 2024 findings')).toEqual(['NAACL', 2024, 'Findings', false])
    expect(read('ICML 2024 Workshop')).toEqual(['ICML', 2024, 'Workshop', false])
    expect(read('ICLR 2023 Tiny Paper')).toEqual(['ICLR', 2023, 'Tiny Paper', false])
    expect(read('Proceedings of the VLDB Endowment')).toEqual(['Proceedings of the VLDB Endowment', null, null, false])
    expect(read('LREC-COLING 2024')).toEqual(['LREC-COLING', 2024, null, false])
  })
})
