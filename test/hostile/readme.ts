import type {Payload} from './payloads.ts'

/**
 * README generators: each writes one payload into the README, in the fields it names. Labels,
 * summaries and the `- Publication:` sub-bullet are written in the forms contributors use, so they
 * are covered as soon as the site renders them. One paper entry carries the payload in all of its
 * fields at once, which keeps the number of pages (and so the time Chromium needs) in bounds.
 */
export interface Generator {
  /** The README fields this generator puts the payload in. */
  fields: string[]
  /** Which part of the README the fragment goes into. */
  part: 'title' | 'intro' | 'papers' | 'models' | 'datasets' | 'methods' | 'tools' | 'prose'
  write(payload: string, n: number): string
}

const arxiv = (n: number) => `https://arxiv.org/abs/2402.${String(10000 + n)}`

export const textGenerators: Generator[] = [
  {fields: ['list title'], part: 'title', write: (p) => p},
  {fields: ['intro prose'], part: 'intro', write: (p) => `${p}\n`},
  {
    fields: ['paper title', 'venue', 'link text', 'label', 'summary'],
    part: 'papers',
    write: (p, n) => `- [${n}] ${p}\n  ${p}, [${p}](${arxiv(n)}), [Code](https://github.com/x/${n})\n  - Label: ${p}, Depth Pruning\n  - Summary: ${p}\n`
  },
  {
    fields: ['subsection heading', 'venue sub-bullet', 'label sub-bullet', 'summary sub-bullet'],
    part: 'papers',
    write: (p, n) => `### ${p}\n\n- [${n}] Paper ${n}\n  - Publication: ${p}, [Paper](${arxiv(n)})\n  - Label: ${p}\n  - Summary: ${p}\n`
  },
  // Table rows cite the benign paper [0], so each name gets its own entity page.
  {fields: ['model name'], part: 'models', write: (p) => `| ${p} | [0] |\n`},
  {fields: ['dataset name'], part: 'datasets', write: (p) => `| ${p} | [0] |\n`},
  {fields: ['method name'], part: 'methods', write: (p) => `| ${p} | [0] |\n`},
  {fields: ['tool name'], part: 'tools', write: (p, n) => `- [${p}](https://tools.example/${n})\n`},
  {fields: ['section heading', 'prose paragraph, list item and quote'], part: 'prose', write: (p) => `## ${p}\n\n${p}\n\n- ${p}\n\n> ${p}\n`}
]

export const urlGenerators: Generator[] = [
  {fields: ['paper link URL'], part: 'papers', write: (u, n) => `- [${n}] Paper ${n}\n  Arxiv, [Paper](${arxiv(n)}), [Code](${u})\n`},
  {fields: ['venue sub-bullet link URL'], part: 'papers', write: (u, n) => `- [${n}] Paper ${n}\n  - Publication: ICML23, [Paper](${u})\n`},
  {fields: ['tool URL'], part: 'tools', write: (u, n) => `- [Tool ${n}](${u})\n`},
  {fields: ['prose link URL', 'prose image URL', 'reference definition URL'], part: 'prose', write: (u, n) => `## Links ${n}\n\n[link ${n}](${u}) ![image ${n}](${u}) [ref ${n}][r${n}]\n\n[r${n}]: ${u}\n`}
]

/** How many (payload, field) pairs a README tries. */
export function tries(generators: Generator[], payloads: Payload[]): number {
  return generators.reduce((sum, generator) => sum + generator.fields.length, 0) * payloads.length
}

/** One README with every payload written by every generator; paper N is the Nth fragment. */
export function hostileReadme(generators: Generator[], payloads: Payload[]): string {
  const parts: Record<Generator['part'], string[]> = {title: [], intro: [], papers: [], models: [], datasets: [], methods: [], tools: [], prose: []}
  let n = 0
  for (const payload of payloads) for (const generator of generators) parts[generator.part].push(generator.write(payload.text, ++n))
  const table = (rows: string[]) => `| Name | Paper |\n|------|-------|\n${rows.join('')}`
  return [
    `# Hostile list ${parts.title.join(' ')}`.trimEnd(),
    parts.intro.join('\n'),
    '## Papers',
    // A paper before any payload subsection, so the tables always have a benign paper [0] to cite.
    `- [0] A benign paper\n  Arxiv, [Paper](${arxiv(0)})\n`,
    parts.papers.join('\n'),
    '## Fine-tuning methods',
    table(['| LoRA | [0] |\n', ...parts.methods]),
    '## Models',
    table(['| LLaMA2-7B | [0] |\n', ...parts.models]),
    '## Datasets',
    '### For Evaluation',
    table(['| BoolQ | [0] |\n', ...parts.datasets]),
    '## Tools',
    ['- [OpenCompass](https://github.com/open-compass/opencompass)\n', ...parts.tools].join(''),
    parts.prose.join('\n')
  ].join('\n\n')
}
