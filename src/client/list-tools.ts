/**
 * The home page's list tools. Without it the list is in the README's order, "Download .bib" is the
 * whole papers.bib, and the matrix link shows every paper. With it:
 * - the list sorts by number, date, date added or title (`?sort=`);
 * - "Download .bib" gives the papers the filters show, cut from papers.bib by the keys on the cards;
 * - the matrix link carries the current filters, updated as they change.
 */
const list = document.getElementById('paper-list')
const select = document.getElementById('sort') as HTMLSelectElement | null
const bib = document.getElementById('bib-download') as HTMLAnchorElement | null
const matrix = document.getElementById('matrix-link') as HTMLAnchorElement | null

if (list && select && bib && matrix) {
  const rows = [...(list.children as HTMLCollectionOf<HTMLElement>)]
  const position = new Map(rows.map((row, n) => [row, n]))
  const title = (row: HTMLElement) => row.querySelector('.paper-title')!.textContent!.trim().toLowerCase()
  const data = (row: HTMLElement, key: string) => row.dataset[key] ?? ''
  // Descending on a text key, empty last; ties keep the list's order.
  const newestBy = (key: string) => (a: HTMLElement, b: HTMLElement) => compare(data(b, key), data(a, key)) || (data(a, key) === '' ? 1 : 0) - (data(b, key) === '' ? 1 : 0)
  const orders: Record<string, (a: HTMLElement, b: HTMLElement) => number> = {
    newest: newestBy('date'),
    added: newestBy('added'),
    title: (a, b) => compare(title(a), title(b)),
    number: (a, b) => (+data(a, 'number') || Infinity) - (+data(b, 'number') || Infinity)
  }

  const apply = () => {
    const sort = new URLSearchParams(location.search).get('sort') ?? ''
    select.value = orders[sort] ? sort : ''
    // "List order" is the README's own: with numbering restarting in each subsection, it is not by number.
    const order = orders[select.value] ?? (() => 0)
    const sorted = [...rows].sort((a, b) => order(a, b) || position.get(a)! - position.get(b)!)
    // The filter script shows the rows a page at a time and takes the new order from this event;
    // without it, the rows are put in order here.
    if (list.dispatchEvent(new CustomEvent('paper-order', {detail: sorted, cancelable: true}))) list.append(...sorted)
  }

  select.addEventListener('change', () => {
    const params = new URLSearchParams(location.search)
    if (select.value) params.set('sort', select.value)
    else params.delete('sort')
    const query = params.toString()
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`)
    apply()
  })
  addEventListener('popstate', apply)
  select.parentElement!.hidden = false
  apply()

  // Read once: the filter tells this script of every change, so a keystroke must not read 10,000 datasets.
  const keyed = rows.filter((row) => row.dataset['bib'])
  const visible = () => keyed.filter((row) => !row.hidden)
  const label = bib.textContent
  let query = matrix.search
  const update = (event?: Event) => {
    // The filter tells how many rows it shows; that is the number when every row has a key.
    const shown = keyed.length < rows.length ? visible().length : ((event as CustomEvent<number> | undefined)?.detail ?? visible().length)
    // How many papers it gives, always: a link that grew a count at the first keystroke could wrap the tools.
    bib.textContent = `${label} (${shown})`
    const params = new URLSearchParams(location.search)
    params.delete('sort')
    // Written only when changed: rewriting a link, even to the same address, costs a style pass.
    if (`${params}` !== query) matrix.search = query = `${params}`
  }
  // The filter script tells the list when it shows other rows or rewrites the address: follow it,
  // so the matrix link is current before anyone clicks, hovers or copies it.
  list.addEventListener('filter', update)
  update()

  bib.addEventListener('click', async (event) => {
    const keys = visible().map((row) => row.dataset['bib']!)
    if (keys.length === rows.length) return
    event.preventDefault()
    // Nothing shown, nothing to give: not a file that holds only a newline.
    if (!keys[0]) return
    const response = await fetch(bib.href).catch(() => null)
    if (!response?.ok) return location.assign(bib.href)
    const entries = new Map<string, string>()
    for (const entry of (await response.text()).split(/\n(?=@)/)) {
      const key = /^@\w+\{([^,]+),/.exec(entry)?.[1]
      if (key) entries.set(key, entry.trimEnd())
    }
    const text = `${keys.flatMap((key) => entries.get(key) ?? []).join('\n\n')}\n`
    const link = document.createElement('a')
    link.href = URL.createObjectURL(new Blob([text], {type: 'application/x-bibtex'}))
    link.download = 'papers-selection.bib'
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 1000)
  })
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
