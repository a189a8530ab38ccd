import type {Graph} from '../types.ts'
import {formatDate, plural} from './format.ts'
import {shortMonthName} from '../util/month.ts'

/** A papers-per-month bar chart, laid out here so the template only prints SVG elements. */
export interface MonthChart {
  width: number
  height: number
  monthY: number
  yearY: number
  bars: Array<{x: number; y: number; width: number; height: number; label: string}>
  /** Month names under their bars (every month when there is room, else some), and years on a second line. */
  months: Array<{x: number; label: string}>
  years: Array<{x: number; label: string}>
  /** Gridlines with their count. */
  ticks: Array<{y: number; label: string; labelY: number}>
  /** One sentence that says what the chart shows, for its text alternative. */
  summary: string
  /** Months with papers, newest first, for the table under the chart. */
  rows: Array<{month: string; count: number}>
  /** Papers whose month is unknown (a venue year only, or no date). */
  undated: number
}

/** A month's slot is this wide at most: a few months make a small chart, not five bars spread over a page. */
const maxSlot = 30
const maxWidth = 480
const height = 150
const margin = {top: 10, right: 4, bottom: 38, left: 30}

/** Counts papers by the month of their date (the arXiv id's, or none for a venue year alone); undefined when no paper has a month. */
export function monthChart(graph: Graph): MonthChart | undefined {
  const counts = new Map<number, number>()
  let undated = 0
  for (const paper of graph.papers) {
    if (!paper.date?.month) {
      undated++
      continue
    }
    const index = paper.date.year * 12 + paper.date.month - 1
    counts.set(index, (counts.get(index) ?? 0) + 1)
  }
  if (counts.size === 0) return undefined
  const first = Math.min(...counts.keys())
  const last = Math.max(...counts.keys())
  const span = last - first + 1
  const max = Math.max(...counts.values())
  const slot = Math.min(maxSlot, (maxWidth - margin.left - margin.right) / span)
  const width = Math.ceil(margin.left + margin.right + slot * span)
  const plotHeight = height - margin.top - margin.bottom
  const barWidth = Math.max(1, slot * 0.78)
  const round = (n: number) => Math.round(n * 10) / 10
  const label = (index: number) => formatDate({year: Math.floor(index / 12), month: (index % 12) + 1})

  const bars: MonthChart['bars'] = []
  for (let index = first; index <= last; index++) {
    const count = counts.get(index) ?? 0
    if (count === 0) continue
    const h = (count / max) * plotHeight
    bars.push({x: round(margin.left + (index - first) * slot + (slot - barWidth) / 2), y: round(margin.top + plotHeight - h), width: round(barWidth), height: round(h), label: `${label(index)}: ${plural(count, 'paper')}`})
  }
  // Month names need about 24 units each: every month when they fit, else every third, sixth or twelfth.
  const step = [1, 3, 6, 12].find((n) => slot * n >= 24) ?? 12
  const months: MonthChart['months'] = []
  const years: MonthChart['years'] = []
  for (let index = first; index <= last; index++) {
    const x = round(margin.left + (index - first + 0.5) * slot)
    if (index % step === 0) months.push({x, label: shortMonthName((index % 12) + 1)})
    if (index === first || index % 12 === 0) years.push({x, label: String(Math.floor(index / 12))})
  }
  // A year under a month that is not labelled would float: keep only years at least a label apart.
  const spaced = years.filter((year, n) => n === 0 || year.x - years[n - 1]!.x >= 30)
  const ticks = [...new Set([0, Math.ceil(max / 2), max])].map((value) => {
    const y = round(margin.top + plotHeight - (value / max) * plotHeight)
    // The label sits on its line: its baseline a little below it.
    return {y, label: String(value), labelY: y + 4}
  })
  const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!
  const dated = graph.papers.length - undated
  return {
    width,
    height,
    // Month names, then years, in the bottom margin.
    monthY: height - 24,
    yearY: height - 8,
    bars,
    months,
    years: spaced,
    ticks,
    summary: `${plural(dated, 'paper')} from ${label(first)} to ${label(last)}; the busiest month was ${label(busiest[0])} with ${plural(busiest[1], 'paper')}.`,
    rows: [...counts.entries()].sort((a, b) => b[0] - a[0]).map(([index, count]) => ({month: label(index), count})),
    undated
  }
}
