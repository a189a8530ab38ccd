import {paperCard, type PaperCard} from '../card.ts'
import {formatDay, noun, plural} from '../format.ts'
import {paperList} from './paper-list.ts'
import type {PageType} from '../route.ts'
import {beganLately, isNew, newDays, recentlyAdded} from '../../graph/added.ts'
import type {Graph, Paper} from '../../types.ts'
import {monthName} from '../../util/month.ts'

/** How many of the latest additions the page lists. */
export const newPageSize = 50

/** What's new: the papers most recently added to the list, by month added, the last 30 days marked. */
export const whatsNew: PageType = (graph) => [{
  page: 'new/',
  template: 'pages/new',
  title: 'What’s new',
  description: `The latest papers added to ${graph.title || 'the list'}, newest first.`,
  nav: 'new',
  data: () => {
    const dated = recentlyAdded(graph).slice(0, newPageSize)
    const groups: Array<{id: string; title: string; papers: PaperCard[]}> = []
    for (const {paper, added} of dated) {
      // A paper known only by its year is grouped under the year, not under an invented January.
      const month = added.date.slice(0, 7)
      const [id, title] = added.precision === 'year' ? [`year-${month.slice(0, 4)}`, month.slice(0, 4)] : [`month-${month}`, `${monthName(Number(month.slice(5)))} ${month.slice(0, 4)}`]
      let group = groups[groups.length - 1]
      if (group?.id !== id) {
        group = {id, title, papers: []}
        groups.push(group)
      }
      group.papers.push(paperCard(graph, paper))
    }
    const newest = graph.history.newest
    // With the list's history, a month is when its papers were added; without it, only when they are dated.
    const verb = graph.history.source === 'git' ? 'Added in' : 'Dated'
    return {
      note: graph.history.note,
      summary: newest ? summary(graph, newest) : undefined,
      groups: groups.map((group) => ({id: group.id, heading: `${verb} ${group.title}`, noun: noun(group.papers.length, 'paper'), list: paperList(group.papers)})),
      shown: dated.length,
      total: graph.papers.length
    }
  }
}]

/**
 * What is marked New, and why nothing is when nothing is: the papers a list began with are never New
 * (src/graph/added.ts), so a list that began within the window says so rather than "0 papers added" above
 * a month of papers added.
 */
function summary(graph: Graph, newest: string): string {
  const fresh = graph.papers.filter((paper: Paper) => isNew(graph, paper)).length
  const window = `the ${newDays} days up to ${formatDay(newest)}, the list’s latest change`
  if (fresh > 0) return `${plural(fresh, 'paper')} added in ${window}, marked New.`
  return beganLately(graph.history)
    ? `The list began within ${window}. The papers it began with are not marked New; papers added after them will be.`
    : `No paper was added in ${window}, so none is marked New.`
}
