/**
 * The benchmark matrix's script. Without it both tables show every paper, columns by use.
 * With it:
 * - the home page's filters in the URL (`?model=…&dataset=…&q=…`) narrow the rows, the totals follow,
 *   and the columns re-order by the narrowed totals;
 * - the Paper and Total headers become buttons that sort the rows by list order or by total.
 */
import {heat} from './heat.ts'

const params = new URLSearchParams(location.search)
const terms = fold(params.get('q') ?? '').split(/\s+/).filter(Boolean)
const status = document.getElementById('matrix-status')
const allPapers = new Set<string>()
const shownPapers = new Set<string>()

for (const table of document.querySelectorAll<HTMLTableElement>('table.matrix')) {
  const body = table.tBodies[0]!
  const head = table.tHead!
  const rows = Array.from(body.rows)
  const first = rows[0]?.dataset ?? {}
  // A filter applies when the rows carry its facet: `?model=x` needs `data-model`.
  const filters = [...new Set(params.keys())].filter((key) => key !== 'q' && key in first).map((key) => [key, params.getAll(key)] as const)
  let shown = 0
  for (const row of rows) {
    const text = fold(row.dataset['text'] ?? '')
    const ok = terms.every((term) => text.includes(term)) && filters.every(([key, values]) => (row.dataset[key] ?? '').split(' ').some((value) => values.includes(value)))
    const paper = row.querySelector('a')?.getAttribute('href') ?? ''
    row.hidden = !ok
    allPapers.add(paper)
    if (ok) {
      shown++
      shownPapers.add(paper)
    }
  }

  if (shown < rows.length) {
    // Totals of the rows shown, and the columns re-ordered by them.
    const names = head.rows[0]!
    const totals = head.rows[1]!
    const columns = names.cells.length - 2
    const sums = Array.from({length: columns}, (_, c) => rows.reduce((n, row) => n + +(!row.hidden && row.cells[c + 1]!.classList.contains('on')), 0))
    const max = Math.max(1, ...sums)
    sums.forEach((sum, c) => {
      const cell = totals.cells[c + 1]!
      cell.textContent = `${sum}`
      cell.className = `total heat-${heat(sum, max)}`
    })
    totals.cells[columns + 1]!.textContent = `${shown}`
    const order = sums.map((_, c) => c).sort((a, b) => sums[b]! - sums[a]! || a - b)
    for (const row of [names, totals, ...rows]) {
      const cells = [...row.cells]
      cells[columns + 1]!.before(...order.map((c) => cells[c + 1]!))
    }
  }

  // Sorting by the Paper (list order, as the page marks it: templates/pages/matrix.eta) and Total headers.
  const position = new Map(rows.map((row, n) => [row, n]))
  for (const th of head.querySelectorAll<HTMLElement>('th[data-sort]')) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'sort-button'
    button.textContent = th.textContent
    th.replaceChildren(button)
    button.addEventListener('click', () => {
      const byTotal = th.dataset['sort'] === 'total'
      const sorted = [...rows].sort((a, b) => (byTotal ? +b.dataset['total']! - +a.dataset['total']! : 0) || position.get(a)! - position.get(b)!)
      body.append(...sorted)
      for (const other of head.querySelectorAll('th[data-sort]')) other.removeAttribute('aria-sort')
      th.setAttribute('aria-sort', byTotal ? 'descending' : 'ascending')
    })
  }
}

// The sentence is on the page, hidden: the script fills in the numbers and shows it.
if (status && shownPapers.size < allPapers.size) {
  status.hidden = false
  status.querySelector('[data-count=shown]')!.textContent = `${shownPapers.size}`
  status.querySelector('[data-count=all]')!.textContent = `${allPapers.size}`
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
}
