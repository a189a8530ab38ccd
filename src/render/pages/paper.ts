import {paperCard, venueLabel, type PaperCard} from '../card.ts'
import {formatAt, formatDay, listText, plural} from '../format.ts'
import {pagePath} from '../paths.ts'
import type {PageType} from '../route.ts'
import {citations} from '../../cite/bibtex.ts'
import {relatedPapers, type Related} from '../../graph/related.ts'
import {addedOf, isNew} from '../../graph/added.ts'
import {scholarlyArticle} from '../json-ld.ts'
import type {Graph, Paper} from '../../types.ts'
import {once} from '../once.ts'
import {numberLabel, truncateAtWord} from '../../util/text.ts'

/** One page per paper: its venue, date, links, authors and abstract, what it uses, related papers, and its BibTeX. */
export const paper: PageType = (graph) => {
  // Shared by every paper page, and computed the first time one of them is rendered.
  const related = once(() => relatedPapers(graph))
  const cite = once(() => citations(graph))
  return graph.papers.map((paper) => {
    const section = graph.section.get(paper.section)
    const meta = graph.meta.get(paper.id)
    const added = addedOf(graph, paper)
    return {
      page: pagePath('paper', paper.id),
      template: 'pages/paper',
      title: paper.title,
      description: meta?.abstract ? truncateAtWord(meta.abstract, 200) : `${venueLabel(graph, paper) || 'Paper'}: ${paper.title}`,
      nav: 'papers',
      scripts: ['cite'],
      ogType: 'article',
      sourceLine: paper.position?.start.line,
      jsonLd: (url) => scholarlyArticle(graph, paper, url),
      data: () => ({
        ...uses(paperCard(graph, paper)),
        arxiv: paper.arxiv,
        arxivHref: paper.arxiv && `https://arxiv.org/abs/${paper.arxiv}`,
        // Only a subsection is worth naming: every paper sits under Papers.
        section: section?.parent !== undefined ? section.title : undefined,
        sectionDescription: section?.parent !== undefined ? section.description : undefined,
        links: readingLinks(paper),
        authors: meta?.authors ?? [],
        abstract: meta?.abstract,
        published: meta ? formatDay(meta.published) : undefined,
        added: added && {
          date: formatAt(added.date, added.precision),
          iso: added.date.slice(0, added.precision === 'year' ? 4 : added.precision === 'month' ? 7 : 10),
          note: added.source === 'git' ? 'when its entry first appeared in the list' : 'the paper’s own date: the list’s history does not have it'
        },
        isNew: isNew(graph, paper),
        bibtex: cite().entry.get(paper.id),
        bibKey: cite().key.get(paper.id),
        related: (related().get(paper.id) ?? []).map((item) => relatedView(graph, item))
      })
    }
  })
}

/** The card, and what the paper uses: a section per kind, in this order, and whether it names none. */
function uses(card: PaperCard) {
  const sections = [
    {kind: 'model', id: 'models', title: 'Models', chips: card.models},
    {kind: 'dataset', id: 'datasets', title: 'Datasets', chips: card.datasets},
    {kind: 'method', id: 'methods', title: 'Fine-tuning methods', chips: card.methods}
  ]
  return {card, uses: sections, usesNone: sections.every((section) => section.chips.length === 0)}
}

/** The list's own links, then arXiv's abstract page, its PDF and Hugging Face's paper page, each once. */
function readingLinks(paper: Paper): Array<{label: string; href: string}> {
  const links = paper.links.map(({label, href}) => ({label: label || 'Link', href}))
  if (paper.arxiv) {
    links.push(
      {label: 'arXiv', href: `https://arxiv.org/abs/${paper.arxiv}`},
      {label: 'PDF', href: `https://arxiv.org/pdf/${paper.arxiv}`},
      {label: 'Hugging Face', href: `https://huggingface.co/papers/${paper.arxiv}`}
    )
  }
  const seen = new Set<string>()
  return links.filter((link) => {
    const key = link.href.replace(/^https?:\/\/(www\.)?/, '').replace(/(v\d+)?(\.pdf)?\/?$/, '')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function relatedView(graph: Graph, item: Related) {
  const other = graph.paper.get(item.id)!
  const parts: string[] = []
  const part = (names: string[], one: string, many: string) => {
    if (names.length > 0) parts.push(`${plural(names.length, one, many)} (${listText(names, 3)})`)
  }
  const shared = item.shared
  part(shared.models, 'model', 'models')
  part(shared.datasets, 'dataset', 'datasets')
  part(shared.labels, 'label', 'labels')
  return {
    title: other.title,
    number: numberLabel(other.number),
    href: pagePath('paper', other.id),
    reason: `Shares ${listText(parts)}.`
  }
}
