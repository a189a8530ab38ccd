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
  /** Values the URL names that the list does not have, as `[facet, value]`: named in a notice, left out of the filter. */
  unknown: string[][]
}

/**
 * Rows are kept as plain numbers so a keystroke over 10,000 papers stays within a frame:
 * each facet value has an index, each row lists the indexes of its values.
 */
interface Row {
  element: HTMLElement
  /** The row's text and the names of its facet values, folded, for the search box. */
  text: string
  /** Per facet (in `facetKeys` order), the indexes of the row's values. */
  values: number[][]
  /** Whether the row is shown now. */
  shown: boolean
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
  // What is filtered shows above the results, whatever is folded or scrolled away: chips, and a notice for values the list lacks.
  const active = document.getElementById('active-filters')!
  const chips = document.getElementById('filter-chips')!
  const notice = document.getElementById('filter-notice')!
  const facets = Array.from(document.querySelectorAll<HTMLElement>('.facet[data-facet]'))
  const legends = facets.map((facet) => facet.querySelector('.facet-body')?.getAttribute('aria-label') ?? '')

  // Facet values get an index and a name; each row carries its values as `data-<facet>="id id"`.
  const index = new Map<string, number>()
  const names: string[] = []
  const keyOf: string[] = []
  const boxes: HTMLInputElement[][] = []
  const counters: HTMLElement[][] = []
  /** A value's index; a value a row carries that no facet lists is given one too, and filters like any other. */
  const valueIndex = (facet: FacetKey, value: string, name = '') => {
    const key = `${facet}=${value}`
    let n = index.get(key)
    if (n === undefined) {
      index.set(key, (n = keyOf.push(key) - 1))
      names.push(name)
      boxes.push([])
      counters.push([])
    }
    return n
  }

  // Facet links become checkboxes; the same value may sit in several groups (a dataset with two roles).
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a.facet-value'))) {
    const facet = link.dataset['facet'] as FacetKey
    const value = link.dataset['value'] ?? ''
    const n = valueIndex(facet, value, link.querySelector('.facet-name')?.textContent ?? '')
    // A value's former ids (`data-was`, from the list's history) find it too: a shared link outlives a rename.
    for (const old of words(link.dataset['was'])) index.set(`${facet}=${old}`, n)
    const label = element('label', 'facet-value')
    const box = element('input') as HTMLInputElement
    box.type = 'checkbox'
    box.name = facet
    box.value = value
    label.append(box, ...Array.from(link.childNodes))
    link.replaceWith(label)
    boxes[n]!.push(box)
    const counter = label.querySelector<HTMLElement>('.count')
    if (counter) counters[n]!.push(counter)
  }

  const rows: Row[] = Array.from(list.children as HTMLCollectionOf<HTMLElement>, (element) => {
    const values = facetKeys.map((facet) => words(element.dataset[facet]).map((value) => valueIndex(facet, value)))
    const named = values.flat().map((n) => names[n]).join(' ')
    return {element, text: fold(`${element.textContent ?? ''} ${named}`), values, shown: !element.hidden}
  })

  // Rows are shown a page at a time, in the list tools' order: laying out a thousand cards per
  // keystroke would take far longer than a frame. More come as the reader scrolls or asks for them.
  const pageSize = 50
  let order = rows
  let limit = pageSize
  const byElement = new Map(rows.map((row) => [row.element, row]))
  const more = element('p', 'list-more')
  const moreButton = element('button', 'clear')
  more.append(moreButton)
  list.after(more)
  moreButton.addEventListener('click', () => {
    const before = list.children.length
    limit += pageSize * 4
    paint()
    // The button may go away with the last rows: go on at the first new paper, not at the top of the page.
    list.children[before]?.querySelector('a')?.focus()
  })
  new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting) && !more.hidden) {
      limit += pageSize
      paint()
    }
  }, {rootMargin: '600px'}).observe(more)
  list.addEventListener('paper-order', (event) => {
    event.preventDefault()
    order = (event as CustomEvent<HTMLElement[]>).detail.flatMap((element) => byElement.get(element) ?? [])
    paint()
  })

  /** Attaches the first `limit` shown rows, in order; the rest wait, detached, with `hidden` still telling other scripts. */
  function paint(): void {
    const shown = order.filter((row) => row.shown)
    const page = shown.slice(0, limit).map((row) => row.element)
    const current = list!.children
    let same = current.length === page.length
    for (let n = 0; same && n < page.length; n++) same = current[n] === page[n]
    if (!same) list!.replaceChildren(...page)
    more.hidden = shown.length <= limit
    moreButton.textContent = `Show more (${shown.length - page.length} left)`
  }

  const tallies = new Int32Array(keyOf.length)
  const selected = new Uint8Array(keyOf.length)

  form.hidden = false
  if (hint) hint.hidden = true
  // On a narrow screen the facets and the chart fold away, so the papers start within the first screen.
  if (matchMedia('(max-width: 60rem)').matches) {
    for (const details of Array.from(document.querySelectorAll<HTMLDetailsElement>('details.fold-narrow'))) details.open = false
  }

  /** The state a query gives: former ids read as today's, values the list lacks set aside. */
  function readQuery(search: string): State {
    const params = new URLSearchParams(search)
    const selected: State['selected'] = {}
    const unknown: string[][] = []
    for (const facet of facetKeys) {
      selected[facet] = new Set()
      for (const value of params.getAll(facet)) {
        const n = index.get(`${facet}=${value}`)
        if (n !== undefined) selected[facet]!.add(split(keyOf[n]!)[1])
        else if (value) unknown.push([facet, value])
      }
    }
    return {q: params.get('q') ?? '', selected, unknown}
  }
  const readUrl = () => readQuery(location.search)

  let state = readUrl()
  show(state)
  // A former id in the URL is rewritten as today's, so the address shared next is current.
  write(state, 'replace')

  // A long list keeps its summaries in a file (`data-summaries`), fetched the first time anyone searches.
  const summaries = list.dataset['summaries']
  let fetching = false
  function needSummaries(): void {
    if (!summaries || fetching) return
    fetching = true
    fetch(summaries)
      .then((response) => (response.ok ? (response.json() as Promise<Record<string, unknown>>) : {}))
      .then((texts: Record<string, unknown>) => {
        for (const row of rows) {
          // Rows are `id="paper-<id>"`; the file maps ids to summaries.
          const id = row.element.id.slice('paper-'.length)
          const text = Object.hasOwn(texts, id) ? texts[id] : undefined
          if (typeof text === 'string') row.text += ` ${fold(text)}`
        }
        render(state)
      })
      .catch(() => {})
  }
  if (state.q.trim() !== '') needSummaries()

  form.addEventListener('submit', (event) => event.preventDefault())
  // The first keystroke of a search makes a history entry; the rest of the word updates it.
  // Rewriting the URL costs Chromium about as much as filtering, so while typing it trails by a moment.
  let typing = false
  let pending: number | undefined
  const flush = () => {
    clearTimeout(pending)
    pending = undefined
    write(state, 'replace')
  }
  input.addEventListener('input', () => {
    state = {...state, q: input.value}
    needSummaries()
    if (typing) {
      clearTimeout(pending)
      pending = window.setTimeout(flush, 250)
    } else write(state, 'push')
    typing = true
    render(state)
  })
  input.addEventListener('change', () => {
    flush()
    typing = false
  })
  document.addEventListener('change', (event) => {
    if (pending !== undefined) flush()
    const box = event.target
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox' || !facetKeys.includes(box.name)) return
    const facet = box.name
    const selected = new Set(state.selected[facet])
    if (box.checked) selected.add(box.value)
    else selected.delete(box.value)
    commit({...state, selected: {...state.selected, [facet]: selected}})
  })
  clear.addEventListener('click', () => {
    clearTimeout(pending)
    commit(readQuery(''))
    input.focus()
  })

  /** A change the reader made: a step in history, shown at once. Unknown values from the URL are gone from it. */
  function commit(next: State): void {
    state = {...next, unknown: []}
    write(state, 'push')
    show(state)
  }
  addEventListener('popstate', () => {
    clearTimeout(pending)
    typing = false
    state = readUrl()
    show(state)
  })

  /** Puts the state into the controls, then filters. */
  function show(next: State): void {
    input.value = next.q
    boxes.forEach((list, n) => {
      const [facet, value] = split(keyOf[n]!)
      for (const box of list) box.checked = next.selected[facet]?.has(value) ?? false
    })
    render(next)
  }

  function render(current: State): void {
    const terms = fold(current.q).split(/\s+/).filter(Boolean)
    // Active facets, by position in `facetKeys`, and which values are selected.
    selected.fill(0)
    const on: number[] = []
    facetKeys.forEach((facet, f) => {
      const chosen = current.selected[facet]
      if (!chosen || chosen.size === 0) return
      on.push(f)
      for (const value of chosen) selected[valueIndex(facet, value)] = 1
    })
    tallies.fill(0)
    let shown = 0
    let changed = false
    for (const row of rows) {
      let textOk = true
      for (const term of terms) {
        if (!row.text.includes(term)) {
          textOk = false
          break
        }
      }
      // Which active facets does this row fail? A value's count is the rows that pass every other facet.
      let failed = -1
      let failures = 0
      if (textOk) {
        for (const f of on) {
          if (!row.values[f]!.some((n) => selected[n] === 1)) {
            failed = f
            failures++
          }
        }
      }
      const visible = textOk && failures === 0
      if (visible !== row.shown) {
        row.shown = visible
        changed = true
      }
      if (visible) shown++
      if (!textOk || failures > 1) continue
      for (let f = 0; f < row.values.length; f++) {
        if (failures === 1 && f !== failed) continue
        for (const n of row.values[f]!) tallies[n]!++
      }
    }
    // Only rows whose state changed are touched. (Other scripts, such as the list tools, follow `hidden`.)
    if (changed) for (const row of rows) if (row.element.hidden === row.shown) row.element.hidden = !row.shown
    limit = pageSize
    paint()
    counters.forEach((elements, n) => {
      const text = String(tallies[n])
      for (const counter of elements) {
        if (counter.textContent === text) continue
        counter.textContent = text
        // The hidden word after it, for screen readers: "ICLR, 1 paper".
        const word = counter.nextElementSibling
        if (word?.classList.contains('visually-hidden')) word.textContent = tallies[n] === 1 ? ' paper' : ' papers'
        counter.parentElement?.classList.toggle('is-zero', tallies[n] === 0)
      }
    })
    const filtered = terms.length > 0 || on.length > 0
    count.textContent = filtered ? `${shown} of ${rows.length} papers` : `${rows.length} papers`
    empty.hidden = shown > 0
    showActive(current, filtered)
    list!.dispatchEvent(new Event('filter'))
  }

  /** The chips of what is filtered (each removes itself), the number ticked beside each facet's name, and the notice. */
  function showActive(current: State, filtered: boolean): void {
    const items: HTMLElement[] = []
    const chip = (text: string, remove: () => State) => {
      const item = element('li')
      const button = element('button', 'filter-chip')
      const hidden = element('span', 'visually-hidden')
      hidden.textContent = 'Remove '
      button.append(hidden, text)
      button.addEventListener('click', () => {
        const at = items.indexOf(item)
        commit(remove())
        // Focus stays in the chips (the next one, else the last), or goes back to the search box.
        ;((chips.children[at] ?? chips.lastElementChild)?.querySelector('button') ?? input).focus()
      })
      item.append(button)
      items.push(item)
    }
    if (current.q.trim()) chip(`Search: ${current.q}`, () => ({...state, q: ''}))
    facetKeys.forEach((facet, f) => {
      const values = current.selected[facet] ?? new Set()
      for (const value of values) {
        chip(`${legends[f]}: ${names[valueIndex(facet, value)] || value}`, () => {
          const rest = new Set(state.selected[facet])
          rest.delete(value)
          return {...state, selected: {...state.selected, [facet]: rest}}
        })
      }
      const ticked = facets[f]!.querySelector<HTMLElement>('.ticked')
      if (ticked) {
        ticked.hidden = values.size === 0
        ticked.firstChild!.textContent = String(values.size)
      }
    })
    chips.replaceChildren(...items)
    active.hidden = !filtered
    const missing = current.unknown.map(([facet, value]) => `${legends[facetKeys.indexOf(facet!)]!.toLowerCase()} “${value}”`)
    notice.textContent = missing.length > 0 ? `No ${missing.join(', no ')} in this list, so ${missing.length === 1 ? 'it is' : 'they are'} left out of the filter.` : ''
    notice.hidden = missing.length === 0
  }
}

function write(state: State, mode: 'push' | 'replace'): void {
  // Parameters of other scripts (the list's sort order) stay as they are.
  const params = new URLSearchParams(location.search)
  for (const key of ['q', ...facetKeys]) params.delete(key)
  if (state.q.trim() !== '') params.set('q', state.q)
  for (const facet of facetKeys) for (const value of state.selected[facet] ?? []) params.append(facet, value)
  // Unknown values stay in the address they came with, until the reader changes the filter.
  for (const [facet, value] of state.unknown) params.append(facet!, value!)
  const query = params.toString()
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`
  if (url === `${location.pathname}${location.search}${location.hash}`) return
  if (mode === 'push') history.pushState(null, '', url)
  else history.replaceState(null, '', url)
  // The list tools carry the filters in their links (the matrix): they follow the address.
  list?.dispatchEvent(new Event('filter'))
}

/** A new element; a button made here is never a form's submit button. */
function element(tag: string, className = ''): HTMLElement {
  const made = document.createElement(tag)
  made.className = className
  if (made instanceof HTMLButtonElement) made.type = 'button'
  return made
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
