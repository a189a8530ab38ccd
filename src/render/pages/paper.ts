import {paperCard} from '../card.ts'
import {pagePath} from '../paths.ts'
import type {PageType} from '../route.ts'

/** One page per paper: its venue, date, links, and the models, datasets and methods it uses. */
export const paper: PageType = (graph) =>
  graph.papers.map((paper) => {
    const section = graph.section.get(paper.section)
    return {
      page: pagePath('paper', paper.id),
      template: 'pages/paper',
      title: paper.title,
      description: `${paper.venue.text || 'Paper'}: ${paper.title}`,
      nav: 'papers',
      data: {
        card: paperCard(graph, paper),
        arxiv: paper.arxiv,
        // Only a subsection is worth naming: every paper sits under Papers.
        section: section?.parent !== undefined ? section.title : undefined,
        sectionDescription: section?.parent !== undefined ? section.description : undefined
      }
    }
  })
