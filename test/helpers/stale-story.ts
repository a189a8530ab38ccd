import {scriptedRepo} from './git-repo.ts'

/**
 * The story of issue 11, as a list's git history, one dated commit per chapter:
 * 1. 2024-01-15: four papers numbered globally, and tables that cite those numbers;
 * 2. 2024-03-20: papers inserted in the middle, everything after them renumbered; two rows added that
 *    cite the new numbers; the old rows left as they were;
 * 3. 2024-06-10: subsections, each numbered from [1]; four papers added; one row added with a number
 *    of today's. Nobody rewrote the tables.
 */
const paper = {
  shortenedLlama: ['Shortened LLaMA: Depth Pruning for Large Language Models with Comparison of Retraining Methods', 'Arxiv, [Paper](https://arxiv.org/pdf/2402.02834)'],
  shortGpt: ['ShortGPT: Layers in Large Language Models are More Redundant Than You Expect', 'Arxiv, [Paper](https://arxiv.org/pdf/2403.03853)'],
  // No arXiv link: the fix can cite it only by a number no other paper carries.
  sparseGpt: ['SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot', 'ICML23, [Paper](https://proceedings.mlr.press/v202/frantar23a/frantar23a.pdf)'],
  laco: ['LaCo: Large Language Model Pruning via Layer Collapse', 'Arxiv, [Paper](https://arxiv.org/pdf/2402.11187)'],
  wanda: ['A Simple and Effective Pruning Approach for Large Language Models', 'ICLR 2024, [Paper](https://arxiv.org/abs/2306.11695)'],
  foldGpt: ['FoldGPT: Simple and Effective Large Language Model Compression Scheme', 'Arxiv, [Paper](https://arxiv.org/pdf/2407.00928)'],
  merging: ['Pruning via Merging: Compressing LLMs via Manifold Alignment Based Layer Merging', 'Arxiv, [Paper](https://arxiv.org/pdf/2406.16330)'],
  owl: ['Outlier Weighed Layerwise Sparsity (OWL): A Missing Secret Sauce for Pruning LLMs to High Sparsity', 'ICML 2024, [Paper](https://arxiv.org/abs/2310.05175)'],
  dsnot: ['Dynamic Sparse No Training: Training-Free Fine-tuning for Sparse LLMs', 'ICLR 2024, [Paper](https://arxiv.org/abs/2310.08915)'],
  besa: ['BESA: Pruning Large Language Models with Blockwise Parameter-Efficient Sparsity Allocation', 'ICLR 2024, [Paper](https://arxiv.org/abs/2402.16880)'],
  ria: ['Plug-and-Play: An Efficient Post-training Pruning Method for Large Language Models', 'ICLR 2024, [Paper](https://openreview.net/pdf?id=Tr0lPx9woF)']
} as const
type Key = keyof typeof paper

const entries = (keys: Key[]) => keys.map((key, n) => `- [${n + 1}] ${paper[key][0]}\n  ${paper[key][1]}\n`).join('')
const table = (rows: string[]) => ['| Name | Paper |', '|------|-------|', ...rows, ''].join('\n')

function readme(papers: string, models: string[], evaluation: string[]): string {
  return `# Awesome-LLM-Pruning

A list of papers on pruning large language models.

## Papers

${papers}
## Models
${table(models)}
## Datasets
### For Evaluation
${table(evaluation)}`
}

const modelsV1 = ['| LLaMA2-7B | [2],[4] |', '| LLaMA-7B | [1],[3] |', '| OPT-13B | [3] |']
const evaluationV1 = ['| BoolQ | [1],[2],[4] |', '| WikiText2 | [3], |']
const modelsV2 = [...modelsV1, '| Mixtral-7B | [4],[7] |', '| LLaMA3-8B | [2],[6] |']

export const storyVersions = [
  readme(entries(['shortenedLlama', 'shortGpt', 'sparseGpt', 'laco']), modelsV1, evaluationV1),
  readme(entries(['shortenedLlama', 'wanda', 'shortGpt', 'foldGpt', 'sparseGpt', 'laco', 'merging']), modelsV2, evaluationV1),
  readme(
    `### Layer Pruning\n\n${entries(['shortenedLlama', 'shortGpt', 'foldGpt', 'laco', 'merging'])}\n### Unstructured Pruning\n\n${entries(['wanda', 'owl', 'dsnot', 'besa', 'ria', 'sparseGpt'])}`,
    [...modelsV2, '| Gemma-2B | [6] |'],
    evaluationV1
  )
]

/** Today's README: the last chapter. */
export const storyReadme = storyVersions[2]!

/**
 * What each row meant when it was written, by arXiv id (SparseGPT, which has none, by its slug):
 * what a build must link, and what `npm run fix` must write.
 */
export const storyMeant: Record<string, string[]> = {
  'LLaMA2-7B': ['2403.03853', '2402.11187'],
  'LLaMA-7B': ['2402.02834', 'sparsegpt'],
  'OPT-13B': ['sparsegpt'],
  'Mixtral-7B': ['2407.00928', '2406.16330'],
  'LLaMA3-8B': ['2306.11695', '2402.11187'],
  'Gemma-2B': ['sparsegpt'],
  BoolQ: ['2402.02834', '2403.03853', '2402.11187'],
  WikiText2: ['sparsegpt']
}

/** A fresh repository whose `README.md` has the story's history. */
export function storyRepo(root?: string): string {
  return scriptedRepo(
    [
      {date: '2024-01-15T10:00:00Z', files: {'README.md': storyVersions[0]!}, message: 'Papers and tables'},
      {date: '2024-03-20T10:00:00Z', files: {'README.md': storyVersions[1]!}, message: 'Insert Wanda and FoldGPT'},
      {date: '2024-06-10T10:00:00Z', files: {'README.md': storyVersions[2]!}, message: 'Number each subsection from 1'}
    ],
    root
  )
}
