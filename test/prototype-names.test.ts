import {describe, expect, it} from 'vitest'
import {renderSite} from '../src/render/index.ts'
import {publication} from '../src/cite/venues.ts'
import {analyzeText, completed} from './helpers/seed.ts'
import {fakeAssets} from '../scripts/fuzz/readme.ts'

/** Names that are also properties of every JavaScript object must stay plain text everywhere. */
const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']
/** As written in markdown, where `__` would be emphasis. */
const written = names.map((name) => name.replace(/_/g, '\\_'))

describe('names that are Object.prototype properties', () => {
  it('build and render as venues, labels, models and titles', () => {
    const entries = written.map((name, n) => `- [${n + 1}] ${name}\n  ${name}, [Paper](https://arxiv.org/abs/2402.${10000 + n})\n  - Label: ${name}\n`).join('')
    const rows = written.map((name, n) => `| ${name} | [${n + 1}] |`).join('\n')
    const {graph, file} = analyzeText(`# List\n\n## Papers\n\n${entries}\n## Models\n| Name | Paper |\n|---|---|\n${rows}\n`)
    expect(file.messages.filter((m) => m.fatal)).toEqual([])
    expect(graph!.papers.map((p) => p.venue.name)).toEqual(names)
    expect(graph!.models.map((m) => m.name)).toEqual(names)
    for (const paper of graph!.papers) expect(publication(paper.venue)).toEqual({kind: 'inproceedings', booktitle: paper.venue.name})
    const pages = renderSite(completed(graph!), {base: '/', siteUrl: undefined, sourceHref: undefined, assets: fakeAssets})
    expect(pages.get('index.html')).toContain('>constructor</a>')
  })
})
