import type {Graph} from '../types.ts'
import {formatDate, plural} from './format.ts'

/** A papers-per-month bar chart, laid out here so the template only prints SVG elements. */
export interface MonthChart {
  width: number
  height: number
  bars: Array<{x: number; y: number; width: number; height: number; label: string}>
  /** Year marks along the bottom. */
  years: Array<{x: number; label: string}>
  /** Gridlines with their count. */
  ticks: Array<{y: number; label: string}>
  /** One sentence that says what the chart shows, for its text alternative. */
  summary: string
  /** Months with papers, newest first, for the table under the chart. */
  rows: Array<{month: string; count: number}>
  /** Papers whose month is unknown (a venue year only, or no date). */
  undated: number
}

const width = 720
const height = 160
const margin = {top: 10, right: 4, bottom: 22, left: 30}

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
  const months = last - first + 1
  const max = Math.max(...counts.values())
  const plotWidth = width - margin.left - margin.right
  const plotHeight = height - margin.top - margin.bottom
  const slot = plotWidth / months
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
  const years: MonthChart['years'] = []
  for (let index = first; index <= last; index++) {
    if (index === first || index % 12 === 0) years.push({x: round(margin.left + (index - first) * slot), label: String(Math.floor(index / 12))})
  }
  // Drop a year mark that would overlap the one before it.
  const spaced = years.filter((year, n) => n === 0 || year.x - years[n - 1]!.x >= 34)
  const ticks = [...new Set([0, Math.ceil(max / 2), max])].map((value) => ({y: round(margin.top + plotHeight - (value / max) * plotHeight), label: String(value)}))
  const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!
  const dated = graph.papers.length - undated
  return {
    width,
    height,
    bars,
    years: spaced,
    ticks,
    summary: `${plural(dated, 'paper')} from ${label(first)} to ${label(last)}; the busiest month was ${label(busiest[0])} with ${plural(busiest[1], 'paper')}.`,
    rows: [...counts.entries()].sort((a, b) => b[0] - a[0]).map(([index, count]) => ({month: label(index), count})),
    undated
  }
}
