/**
 * Synthetic READMEs in the list's own shapes, for the benchmark and the split-parse tests.
 * Deterministic: the same size, form and seed give the same bytes.
 */

/**
 * `flat`: the seed's two-line entry. `sub-bullets`: `- Publication:` / `- Label:` / `- Summary:` under each entry.
 * The other list forms hold the same papers as `flat` (the same titles, links and citations), written as
 * other lists write them: `key-value` sub-bullets (`- Link:`, `- Code:`, `- Pub:`), `inline` lines (the four
 * variants in turn, one per subsection: `<br>`, `<ins>`, `**Title** (…)`, `[Title](…) - Venue`), and a
 * `table` per subsection (`| No. | Title | Venue | Code |`). Lists without numbers cite papers by arXiv id.
 */
export type EntryForm = 'flat' | 'sub-bullets' | ListForm
export type ListForm = 'key-value' | 'inline' | 'table'
export const listForms: readonly ListForm[] = ['key-value', 'inline', 'table']

export interface ReadmeOptions {
  papers: number
  form: EntryForm
  seed?: number
}

const subsections = ['Survey', 'Unstructured Pruning', 'Structured Pruning', 'Layer Pruning', 'Semi-structured Pruning', 'Pruning with Quantization', 'Dynamic Pruning', 'Token Pruning']
const words = `pruning sparse large language models efficient structured layer depth width attention heads compression retraining one-shot
calibration low-rank merging distillation fine-grained adaptive gradient-free outlier weight activation redundancy scaling inference memory block
channel neuron importance mixture-of-experts transformers llms towards beyond rethinking revisiting understanding scalable fast accurate simple
effective optimal lossless training-free data-free global local iterative progressive dynamic static token sequence context long short vision
multimodal instruction-tuned chat reasoning code math agents edge devices mobile hardware-aware latency throughput energy kernels sparsity patterns
semi-structured unstructured n:m masks gates experts routing layers blocks residual stream feed-forward embeddings vocabulary quantization
low-bit mixed-precision binarization ternary eight-bit four-bit codebooks vector search hessian second-order taylor fisher saliency magnitude
wanda sparsegpt llm-pruner slicegpt shortgpt laco flap compresso sheared bonsai minitron recovery healing lora adapters prompts continual
pretraining corpus calibration-free benchmark evaluation study survey analysis perspective framework toolkit library theory bounds guarantees
lottery tickets subnetworks emergent abilities knowledge forgetting robustness safety alignment fairness bias privacy federated distributed
parallel pipeline offloading caching kv-cache speculative decoding early-exit skipping collapse folding merging manifolds alignment spectral`.split(/\s+/)
const venues = ['ICML23', 'ICLR 2024', 'NeurIPS 2024', 'ACL 2024 Findings', 'NAACL 2024 findings', 'EMNLP 2023', 'AAAI 2024', 'ICML 2024 Workshop', 'LREC-COLING 2024']
const venueHosts = ['https://proceedings.mlr.press/v202/a{n}/a{n}.pdf', 'https://openreview.net/pdf?id=x{n}', 'https://aclanthology.org/2024.findings-acl.{n}.pdf', 'https://proceedings.neurips.cc/paper/{n}.pdf']
const labels = ['Structure Pruning', 'Depth Pruning', 'Width Pruning', 'Unstructured Pruning', 'Loss-based Pruning', 'N:M sparsity', 'Layer Merging', 'Quantization']
const families = ['LLaMA', 'LLaMA2', 'LLaMA3', 'Vicuna', 'Mistral', 'Mixtral', 'Gemma', 'Qwen', 'OPT', 'BLOOM', 'Falcon', 'Phi', 'Baichuan2', 'Pythia']
const sizes = ['1.1B', '2B', '7B', '8B', '13B', '30B', '65B', '70B']
const datasetNames = ['BoolQ', 'PIQA', 'HellaSwag', 'WinoGrande', 'ARC-easy', 'ARC-challenge', 'OpenbookQA', 'MMLU', 'WikiText2', 'PTB', 'C4', 'Race', 'SCIQ', 'GSM8K', 'HumanEval', 'TriviaQA', 'LAMBADA', 'CoQA', 'XSum', 'SlimPajama', 'BookCorpus', 'Alpaca', 'Dolly', 'ShareGPT']
const methodNames = ['LoRA', 'QLoRA', 'Continued Pretraining', 'CPT+LoRA', 'Knowledge Distillation', 'Full Fine-tuning', 'Prefix Tuning', 'Adapter Tuning', 'DoRA', 'Sparse Fine-tuning']

/** A small seeded PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function syntheticReadme({papers, form, seed = 1}: ReadmeOptions): string {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const count = min + Math.floor(next() * (max - min + 1))
    const chosen = new Set<T>()
    while (chosen.size < Math.min(count, list.length)) chosen.add(pick(list))
    return [...chosen]
  }
  const sentence = (min: number, max: number) => {
    const text = some(words, min, max).join(' ').toLowerCase()
    return text.charAt(0).toUpperCase() + text.slice(1)
  }

  const models = families.flatMap((family) => sizes.filter(() => next() < 0.5).map((size) => `${family}-${size}`))
  const datasets = {calibration: datasetNames.slice(19), finetuning: datasetNames.slice(17, 23), evaluation: datasetNames.slice(0, 19)}
  // Each table row collects the numbers of the papers that cite it.
  const cites = new Map<string, number[]>()
  const cite = (table: string, name: string, n: number) => {
    const key = `${table}\u0000${name}`
    const list = cites.get(key)
    if (list) list.push(n)
    else cites.set(key, [n])
  }

  const out: string[] = []
  out.push('# Awesome-LLM-Pruning', '', 'This repository is dedicated to the pruning of large language models (LLMs). It collects papers, models, datasets and tools.', '')
  out.push('# Contents', '- Papers', ...subsections.map((s) => `  - ${s}`), '- Fine-tuning methods', '- Models', '- Datasets', '- Tools', '', '## Papers', '')
  const perSection = Math.ceil(papers / subsections.length)
  // How each paper is cited in the tables: by number, or by arXiv id where the form has no numbers.
  const citation: string[] = []
  for (let n = 1; n <= papers; n++) {
    if ((n - 1) % perSection === 0) {
      const title = subsections[Math.floor((n - 1) / perSection)]!
      out.push(`### ${title}`, '')
      if (next() < 0.5) out.push(`> Papers on ${title.toLowerCase()}, newest last.`, '')
      if (form === 'table') out.push('| No. | Title | Venue | Code |', '|---|---|---|---|')
    }
    const title = `${sentence(4, 9)}: ${sentence(3, 7)}`
    // Unique per paper: the list may not carry the same paper twice.
    const arxiv = `${String(20 + Math.floor(next() * 5)).padStart(2, '0')}${String(1 + Math.floor(next() * 12)).padStart(2, '0')}.${String((n * 7919) % 100000).padStart(5, '0')}`
    const links = [`[Paper](https://arxiv.org/pdf/${arxiv})`]
    if (next() < 0.4) links.push(`[Code](https://github.com/org${n % 97}/repo-${n})`)
    citation[n] = form === 'key-value' || form === 'inline' ? arxiv : String(n)
    if (form === 'flat') {
      out.push(`- [${n}] ${title}`, `  Arxiv, ${links.join(', ')}`)
    } else if (form !== 'sub-bullets') {
      out.push(...listEntry(form, Math.floor((n - 1) / perSection), n, title, arxiv, links[1]?.slice('[Code]('.length, -1)))
      if (form === 'table' && (n % perSection === 0 || n === papers)) out.push('')
    } else {
      const preprint = next() < 0.6
      const venue = preprint ? 'Arxiv' : pick(venues)
      if (!preprint) links[0] = `[Paper](${pick(venueHosts).replaceAll('{n}', String(n))})`
      out.push(`- [${n}] ${title}`, `  - Publication: ${venue}, ${links.join(', ')}`, `  - Label: ${some(labels, 1, 3).join(', ')}`, `  - Summary: ${sentence(8, 16)}.${next() < 0.5 ? ` ${sentence(6, 12)}.` : ""}`)
    }
    for (const model of some(models, 1, 4)) cite('models', model, n)
    for (const [role, names] of Object.entries(datasets)) {
      if (role === 'evaluation' || next() < 0.3) for (const name of some(names, role === 'evaluation' ? 2 : 1, role === 'evaluation' ? 5 : 1)) cite(role, name, n)
    }
    if (next() < 0.4) cite('methods', pick(methodNames), n)
  }
  out.push('')

  const table = (key: string, names: readonly string[]) => {
    out.push('| Name     | Paper         |', '|----------|--------------|')
    for (const name of names) {
      const refs = cites.get(`${key}\u0000${name}`)
      if (refs) out.push(`| ${name} | ${refs.map((n) => `[${citation[n]}]`).join(',')} |`)
    }
    out.push('')
  }
  out.push('## Fine-tuning methods')
  table('methods', methodNames)
  out.push('## Models')
  table('models', models)
  out.push('## Datasets', '### Calibration Dataset')
  table('calibration', datasets.calibration)
  out.push('### For Finetuning')
  table('finetuning', datasets.finetuning)
  out.push('### For Evaluation')
  table('evaluation', datasets.evaluation)
  out.push('## Tools', '[lm-evaluation-harness](https://github.com/EleutherAI/lm-evaluation-harness)', '[OpenCompass](https://github.com/open-compass/opencompass)', '')
  return out.join('\n')
}

/** One paper in one of the other list forms, with the venue the flat form gives it (Arxiv). */
function listEntry(form: ListForm, subsection: number, n: number, title: string, arxiv: string, code: string | undefined): string[] {
  const paper = `https://arxiv.org/pdf/${arxiv}`
  if (form === 'key-value') return [`- ${title}`, `  - Link: ${paper}`, ...(code ? [`  - Code: ${code}`] : []), '  - Pub: Arxiv']
  if (form === 'table') return [`| ${n} | [${title}](${paper}) | Arxiv | ${code ? `[Code](${code})` : ''} |`]
  const codeLink = code ? ` [[Code]](${code})` : ''
  switch (subsection % 4) {
    case 0:
      return [`- ${title} <br> Arxiv [[Paper]](${paper})${codeLink}`]
    case 1:
      return [`- ${title}, <ins>Arxiv</ins> [[Paper](${paper})]${codeLink}`]
    case 2:
      return [`- **${title}** (Arxiv) – [arXiv](${paper})${codeLink}`]
    default:
      return [`- [${title}](${paper}) - Arxiv${codeLink}`]
  }
}
