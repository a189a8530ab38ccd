/**
 * Client-side filtering for the home page. The page works without it: every paper is listed and
 * every facet value is a link to its entity's page. With it, the facet links become checkboxes,
 * a search box appears, and the state lives in the URL (`?q=…&model=…&dataset=…`).
 * It reads everything it needs from the page itself; it never downloads the graph.
 */

/** The facets are whatever the page declares: `<details class="facet" data-facet="model">`. */
const facetKeys = Array.from(document.querySelectorAll<HTMLElement>('.facet[data-facet]'), (el) => el.dataset['facet'] ?? '')
type FacetKey = string

interface State {
  q: string
  selected: Record<FacetKey, Set<string>>
}

interface Row {
  element: HTMLElement
  text: string
  /** Each paper carries its values as `data-<facet>="id id"`. */
  values: Record<FacetKey, string[]>
}

const list = document.getElementById('paper-list')
if (list) enhance(list)

function enhance(list: HTMLElement): void {
  const form = document.getElementById('filter-form') as HTMLFormElement
  const input = document.getElementById('filter-q') as HTMLInputElement
  const count = document.getElementById('result-count')!
  const clear = document.getElementById('filter-clear') as HTMLButtonElement
  const empty = document.getElementById('no-results')!
  const hint = document.getElementById('facet-hint')

  const rows: Row[] = Array.from(list.children as HTMLCollectionOf<HTMLElement>, (element) => ({
    element,
    text: fold(element.textContent ?? ''),
    values: Object.fromEntries(facetKeys.map((facet) => [facet, words(element.dataset[facet])]))
  }))

  // Facet links become checkboxes; the same value may sit in several groups (a dataset with two roles).
  const boxes = new Map<string, HTMLInputElement[]>()
  const counters = new Map<string, HTMLElement[]>()
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a.facet-value'))) {
    const facet = link.dataset['facet'] as FacetKey
    const value = link.dataset['value'] ?? ''
    const key = `${facet}=${value}`
    const label = document.createElement('label')
    label.className = 'facet-value'
    const box = document.createElement('input')
    box.type = 'checkbox'
    box.name = facet
    box.value = value
    label.append(box, ...Array.from(link.childNodes))
    link.replaceWith(label)
    push(boxes, key, box)
    const counter = label.querySelector<HTMLElement>('.count')
    if (counter) push(counters, key, counter)
  }

  form.hidden = false
  if (hint) hint.hidden = true
  if (matchMedia('(max-width: 60rem)').matches) {
    for (const details of Array.from(document.querySelectorAll<HTMLDetailsElement>('details.facet'))) details.open = false
  }

  let state = readUrl()
  show(state)

  form.addEventListener('submit', (event) => event.preventDefault())
  // The first keystroke of a search makes a history entry; the rest of the word updates it.
  let typing = false
  input.addEventListener('input', () => {
    state = {...state, q: input.value}
    write(state, typing ? 'replace' : 'push')
    typing = true
    render(state)
  })
  input.addEventListener('change', () => {
    typing = false
  })
  document.addEventListener('change', (event) => {
    const box = event.target
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox' || !facetKeys.includes(box.name)) return
    const facet = box.name
    const selected = new Set(state.selected[facet])
    if (box.checked) selected.add(box.value)
    else selected.delete(box.value)
    state = {...state, selected: {...state.selected, [facet]: selected}}
    write(state, 'push')
    show(state)
  })
  clear.addEventListener('click', () => {
    state = readQuery('')
    write(state, 'push')
    show(state)
    input.focus()
  })
  addEventListener('popstate', () => {
    typing = false
    state = readUrl()
    show(state)
  })

  /** Puts the state into the controls, then filters. */
  function show(next: State): void {
    input.value = next.q
    for (const [key, list] of boxes) {
      const [facet, value] = split(key)
      for (const box of list) box.checked = next.selected[facet]?.has(value) ?? false
    }
    render(next)
  }

  function render(current: State): void {
    const terms = fold(current.q).split(/\s+/).filter(Boolean)
    const active = facetKeys.filter((facet) => (current.selected[facet]?.size ?? 0) > 0)
    const tallies = new Map<string, number>()
    let shown = 0
    for (const row of rows) {
      const textOk = terms.every((term) => row.text.includes(term))
      // Which active facets does this row fail? A value's count is the rows that pass every other facet.
      let failed: FacetKey | undefined
      let failures = 0
      for (const facet of active) {
        if (!row.values[facet]!.some((value) => current.selected[facet]!.has(value))) {
          failed = facet
          failures++
        }
      }
      const visible = textOk && failures === 0
      row.element.hidden = !visible
      if (visible) shown++
      if (!textOk || failures > 1) continue
      for (const facet of facetKeys) {
        if (failures === 1 && facet !== failed) continue
        for (const value of row.values[facet] ?? []) {
          const key = `${facet}=${value}`
          tallies.set(key, (tallies.get(key) ?? 0) + 1)
        }
      }
    }
    for (const [key, list] of counters) {
      const n = tallies.get(key) ?? 0
      for (const counter of list) {
        counter.textContent = String(n)
        counter.parentElement?.classList.toggle('is-zero', n === 0)
      }
    }
    const filtered = terms.length > 0 || active.length > 0
    count.textContent = filtered ? `${shown} of ${rows.length} papers` : `${rows.length} papers`
    clear.hidden = !filtered
    empty.hidden = shown > 0
  }
}

function readUrl(): State {
  return readQuery(location.search)
}

function readQuery(search: string): State {
  const params = new URLSearchParams(search)
  const selected: State['selected'] = {}
  for (const facet of facetKeys) selected[facet] = new Set(params.getAll(facet).filter(Boolean))
  return {q: params.get('q') ?? '', selected}
}

function write(state: State, mode: 'push' | 'replace'): void {
  // Parameters of other scripts (the list's sort order) stay as they are.
  const params = new URLSearchParams(location.search)
  for (const key of ['q', ...facetKeys]) params.delete(key)
  if (state.q.trim() !== '') params.set('q', state.q)
  for (const facet of facetKeys) for (const value of state.selected[facet] ?? []) params.append(facet, value)
  const query = params.toString()
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`
  if (url === `${location.pathname}${location.search}${location.hash}`) return
  if (mode === 'push') history.pushState(null, '', url)
  else history.replaceState(null, '', url)
}

/** Lower case without accents, so "llama" finds "LLaMA" and "e" finds "é". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
}

function words(text: string | undefined): string[] {
  return text ? text.split(' ').filter(Boolean) : []
}

function split(key: string): [FacetKey, string] {
  const at = key.indexOf('=')
  return [key.slice(0, at), key.slice(at + 1)]
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
