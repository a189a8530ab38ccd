/**
 * Client-side filtering for the home page. The page works without it: every paper is listed and
 * every facet value is a link to its entity's page. With it, the facet links become checkboxes,
 * a search box appears, and the state lives in the URL (`?q=…&model=…&dataset=…`).
 * It reads everything it needs from the page itself; it never downloads the graph.
 *
 * A keystroke must fit in a frame over 10,000 papers, so the work per keystroke is arithmetic over
 * arrays, and the page is written to only where something changed: the rows whose visibility
 * changed, the counts whose number changed, the chips whose text changed.
 */

/** The facets are whatever the page declares: `<details class="facet" data-facet="model">`. */
const facets = Array.from(document.querySelectorAll<HTMLElement>('.facet[data-facet]'))
const facetKeys = facets.map((el) => el.dataset['facet'] ?? '')
/** Each facet's name, as its group of checkboxes is labelled. */
const legends = facets.map((el) => el.querySelector('.facet-body')!.ariaLabel!)
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

/** A card, with its height when it was last laid out (read by the pager). */
type Card = HTMLElement & {h?: number}

// Facet values by index (`facet=value` keys), with their names, checkboxes and counts on the page.
const index = new Map<string, number>()
const names: string[] = []
const keyOf: string[] = []
const boxes: HTMLInputElement[][] = []
const counters: HTMLElement[][] = []

const list = document.getElementById('paper-list')
const input = document.getElementById('filter-q') as HTMLInputElement
let rows: Row[] = []
/** Each search's matching rows (textMatches), kept until the rows' text grows with the summaries. */
let searched = new Map<string, Uint8Array>()
let lastSearch: [terms: string[], found: Uint8Array] | undefined
let state: State
/** Each facet value's count of rows for the state shown; written to the page when typing pauses. */
let tallies = new Int32Array()
/** Shows the rows that pass, from the first page again. */
let repaint: () => void
/** Shows the card the address's fragment names, when the pager left it out (see `revealer`). */
let reveal: () => void
if (list) enhance(list)

/** Turns the list into a filtered one: facets into checkboxes, rows into data, and the controls wired. */
function enhance(list: HTMLElement): void {
  facetValues()
  rows = Array.from(list.children as HTMLCollectionOf<HTMLElement>, (element) => {
    const values = facetKeys.map((facet) => words(element.dataset[facet]).map((value) => valueIndex(facet, value)))
    const named = values.flat().map((n) => names[n]).join(' ')
    return {element, text: fold(`${element.textContent} ${named}`), values, shown: true}
  })
  ;[repaint, reveal] = pager(list, rows)
  input.form!.hidden = false
  // On a narrow screen the facets and the chart fold away, so the papers start within the first screen; on a
  // wide one they are open (the chart comes folded, and the stylesheet has already shown it: this says so).
  const wide = !matchMedia('(max-width: 60rem)').matches
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details.fold-narrow')) details.open = wide
  // A search first, to warm the code: cold, the reader's second keystroke took a fifth longer at 1,000 papers.
  // It is never drawn (the real state is shown in this same task), but it does write to the page, the result
  // count's live region too, before the page has loaded; the text it leaves there is the one it found.
  // Its layout is forced too (offsetTop), with the chips shown: the reader's first keystroke took 4 ms longer without.
  render({...readQuery(''), q: 'ea'}, true)
  list.offsetTop
  show((state = readQuery(location.search)))
  // A former id in the URL is rewritten as today's, so the address shared next is current.
  write(state, 'replace')
  reveal()
  const summaries = summaryLoader(list)
  if (state.q.trim()) summaries()
  listen(summaries)
}

/** Facet links become checkboxes, each value with an index; the same value may sit in several groups (a dataset with two roles). */
function facetValues(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a.facet-value')) {
    const facet = link.dataset['facet'] as FacetKey
    const value = link.dataset['value'] ?? ''
    const n = valueIndex(facet, value, link.querySelector('.facet-name')!.textContent!)
    // A value's former ids (`data-was`, from the list's history) find it too: a shared link outlives a rename.
    for (const old of words(link.dataset['was'])) index.set(`${facet}=${old}`, n)
    const label = element('label', 'facet-value')
    const box = element('input') as HTMLInputElement
    box.type = 'checkbox'
    box.name = facet
    box.value = value
    label.append(box, ...link.childNodes)
    link.replaceWith(label)
    boxes[n]!.push(box)
    counters[n]!.push(label.querySelector<HTMLElement>('.count')!)
  }
}

/** A value's index; a value a row carries that no facet lists is given one too, and filters like any other. */
function valueIndex(facet: FacetKey, value: string, name = ''): number {
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

/**
 * Rows are shown a page at a time, in the list tools' order: laying out a thousand cards per
 * keystroke would take far longer than a frame. More come as the reader scrolls or asks for them.
 * Returns the function that shows them from the first page again (the rest wait, detached, with `hidden` still
 * telling other scripts), and the one that shows the rows down to the card the address's fragment names.
 */
function pager(list: HTMLElement, rows: Row[]): [() => void, () => void] {
  const pageSize = 20
  let order = rows
  let limit = pageSize
  const byElement = new Map(rows.map((row) => [row.element, row]))
  const more = element('p', 'list-more')
  const button = element('button', 'clear')
  more.append(button)
  list.after(more)
  let least = Infinity
  const paint = () => {
    // The cards that may come into view are laid out at once (`top`, style.css), the rest when Chromium finds them
    // near the screen: a card already on the page that a change moves into view is drawn a frame late otherwise.
    // Which may come into view is read before anything changes, while the layout is clean: where the list starts on
    // the screen, and each card's height when last laid out (a card not laid out yet counts as three quarters of
    // the smallest seen). At most eight, as the page marks them (src/render/pages/paper-list.ts).
    for (const card of list.querySelectorAll<Card>('.top')) least = Math.min(least, (card.h = card.offsetHeight))
    let room = innerHeight - list.getBoundingClientRect().top
    const shown = order.filter((row) => row.shown)
    const page = shown.slice(0, limit).map((row) => row.element)
    // Rows that stay on the page stay in the document: the browser styles and lays out only those that come.
    const keep = new Set<Element>(page)
    for (const element of [...list.children]) if (!keep.has(element)) element.remove()
    page.forEach((element, n) => {
      const top = n < 8 && room > 0
      element.classList.toggle('top', top)
      room -= (element as Card).h ?? least * 0.75
      if (list.children[n] !== element) {
        // A card that comes below the fold waits a frame before Chromium may lay it out (`wait`, style.css): in the
        // frame of the change it would, for the cards within its margin below the window, in a second pass.
        element.classList.toggle('wait', !top)
        // Past the last row, `children[n]` is undefined, which insertBefore reads as null: the row is appended.
        list.insertBefore(element, list.children[n]!)
      }
    })
    // The frame after this change's own (a frame callback asked for in a frame callback runs in the next).
    requestAnimationFrame(() => requestAnimationFrame(() => list.querySelectorAll('.wait').forEach((card) => card.classList.remove('wait'))))
    more.hidden = shown.length <= limit
    setText(button, `Show more (${shown.length - page.length} left)`)
  }
  button.addEventListener('click', () => {
    const before = list.children.length
    limit += pageSize * 4
    paint()
    // The button may go away with the last rows: go on at the first new paper, not at the top of the page
    // (drawn now, so that it can take the focus).
    const card = list.children[before]
    card?.classList.remove('wait')
    card?.querySelector('a')?.focus()
  })
  new IntersectionObserver((entries) => {
    // A hidden element is never intersecting ([hidden] is `display: none`, style.css): no page is left to show.
    if (entries.some((entry) => entry.isIntersecting)) {
      limit += pageSize
      paint()
    }
  }, {rootMargin: '600px'}).observe(more)
  list.addEventListener('paper-order', (event) => {
    event.preventDefault()
    order = (event as CustomEvent<HTMLElement[]>).detail.flatMap((element) => byElement.get(element) ?? [])
    paint()
  })
  const reveal = revealer(
    () => order.filter((row) => row.shown),
    (at) => {
      limit = at + pageSize
      paint()
    }
  )
  addEventListener('hashchange', reveal)
  return [
    () => {
      limit = pageSize
      paint()
    },
    reveal
  ]
}

/**
 * A link to a card the pager has not shown (a section's `#section-x`, a shared `#paper-x`): the rows down to it
 * are shown (`showTo`, with its index among the rows `shown` gives), then it is scrolled to, as the browser would
 * have done had it been in the document. The page's ids are slugs (a-z, 0-9, -), so the fragment is compared as
 * it is, never decoded. A card the filter hides stays hidden.
 */
function revealer(shown: () => Row[], showTo: (at: number) => void): () => void {
  return () => {
    const id = location.hash.slice(1)
    if (!id || document.getElementById(id)) return
    const rows = shown()
    const at = rows.findIndex(({element}) => element.id === id || element.querySelector(`[id="${CSS.escape(id)}"]`))
    if (at < 0) return
    showTo(at)
    // Laid out at once (`top` wins over `wait` and `auto`): a card still at its estimated height when scrolled to
    // grew a frame later, and Chromium kept the card after it in place, so the card's top went above the window.
    rows[at]!.element.classList.add('top')
    document.getElementById(id)?.scrollIntoView()
  }
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
      // Its key is `facet=value`, with today's id for a former one.
      if (n !== undefined) selected[facet]!.add(keyOf[n]!.slice(facet.length + 1))
      else if (value) unknown.push([facet, value])
    }
  }
  return {q: params.get('q') ?? '', selected, unknown}
}

/** A long list keeps its summaries in a file (`data-summaries`), fetched the first time anyone searches. */
function summaryLoader(list: HTMLElement): () => void {
  let file = list.dataset['summaries']
  return () => {
    // A failed fetch, or anything but JSON (a 404 page), leaves the search to titles and the rest.
    if (file)
      fetch(file)
        .then((response) => response.json() as Promise<Record<string, unknown>>)
        .then((texts) => foldSummaries(texts, 0))
        .catch(() => {})
    // Once only.
    file = ''
  }
}

/**
 * Adds the summaries to the rows' text a slice at a time, each slice a task of its own, so that a
 * keystroke waits for one slice at most (folding 10,000 summaries at once would take several frames);
 * then filters again.
 */
function foldSummaries(texts: Record<string, unknown>, from: number): void {
  const to = from + 250
  for (const row of rows.slice(from, to)) {
    // Rows are `id="paper-<id>"`; the file maps ids to summaries.
    const id = row.element.id.slice('paper-'.length)
    // Only a string is a summary: an id such as "constructor" finds a function on any object.
    const text = texts[id]
    // Joined, not appended: a string built by + is searched only after V8 copies it flat, which the first
    // keystroke after the summaries would do for 10,000 rows at once (35 ms of CPU in a trace).
    if (typeof text === 'string') row.text = [row.text, fold(text)].join(' ')
  }
  if (to < rows.length) setTimeout(() => foldSummaries(texts, to))
  else {
    searched = new Map()
    lastSearch = undefined
    render(state)
  }
}

/** The controls: the search box, the checkboxes, the Clear button and the back button. */
function listen(needSummaries: () => void): void {
  input.form!.addEventListener('submit', (event) => event.preventDefault())
  // A search makes one history entry, which the rest of the word updates. Rewriting the URL costs
  // Chromium about as much as filtering (more at the first keystroke), so while typing it trails by a moment.
  let typing = false
  let mode: 'push' | 'replace' = 'replace'
  let pending: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    clearTimeout(pending)
    pending = undefined
    showCounts()
    write(state, mode)
    mode = 'replace'
  }
  input.addEventListener('input', () => {
    state = {...state, q: input.value}
    needSummaries()
    if (!typing) mode = 'push'
    typing = true
    clearTimeout(pending)
    pending = setTimeout(flush, 250)
    render(state, true)
  })
  input.addEventListener('change', () => {
    flush()
    typing = false
  })
  document.addEventListener('change', (event) => {
    if (pending !== undefined) flush()
    // Only the facets' checkboxes: any other control (the sort order, the search box) has another type or name.
    const box = event.target as HTMLInputElement
    if (box.type !== 'checkbox' || !facetKeys.includes(box.name)) return
    const selected = new Set(state.selected[box.name])
    if (box.checked) selected.add(box.value)
    else selected.delete(box.value)
    commit({...state, selected: {...state.selected, [box.name]: selected}})
  })
  byId('filter-clear').addEventListener('click', () => {
    clearTimeout(pending)
    commit(readQuery(''))
    input.focus()
  })
  addEventListener('popstate', () => {
    clearTimeout(pending)
    typing = false
    show((state = readQuery(location.search)))
    // Back or forward to an address with the same fragment fires no hashchange, and the paint above went back to the first page.
    reveal()
  })
}

/** A change the reader made: a step in history, shown at once. Unknown values from the URL are gone from it. */
function commit(next: State): void {
  state = {...next, unknown: []}
  write(state, 'push')
  show(state)
}

/** Puts the state into the controls, then filters. */
function show(next: State): void {
  input.value = next.q
  // A checkbox's name is its facet and its value the value's id.
  for (const box of boxes.flat()) box.checked = !!next.selected[box.name]?.has(box.value)
  render(next)
}

/**
 * Filters the rows and shows the result: the rows, the counts, the chips. While the reader types, the
 * counts wait for a pause, as the address does: rewriting a hundred counts in the frame of a keystroke
 * made it a fifth slower, and nobody reads them mid-word.
 */
function render(current: State, typing = false): void {
  const terms = fold(current.q).split(/\s+/).filter(Boolean)
  const [shown, changed, on] = match(current, terms, (tallies = new Int32Array(keyOf.length)))
  repaint()
  // Only rows whose state changed are touched, and while the reader types only those on the page: the rest wait,
  // detached, for the pause (showCounts), since "mer" after "me" hides 700 of 1,000 rows. (Other scripts, such as
  // the list tools, follow `hidden`.) After the rows are shown: the pager reads the layout first, which these
  // changes would make it lay out again.
  for (const row of changed) if (row.element.isConnected) row.element.hidden = !row.shown
  if (!typing) showCounts()
  const filtered = !!(terms.length || on)
  setText(byId('result-count'), `${filtered ? `${shown} of ` : ''}${rows.length} papers`)
  byId('no-results').hidden = shown > 0
  showChips(current)
  byId('active-filters').hidden = !filtered
  showNotice(current)
  // With the number shown, so that the list tools need not read 10,000 rows to count them.
  if (changed[0]) list!.dispatchEvent(new CustomEvent('filter', {detail: shown}))
}

/**
 * Marks each row shown or not, and counts, for each facet value, the rows that would show with it:
 * the rows that pass the search and every other facet. Returns the rows whose visibility changed.
 */
function match(current: State, terms: string[], tallies: Int32Array): [shown: number, changed: Row[], facetsOn: number] {
  // Active facets, by position in `facetKeys`, and which values are selected.
  const selected = new Uint8Array(tallies.length)
  const on: number[] = []
  facetKeys.forEach((facet, f) => {
    const chosen = current.selected[facet]
    if (!chosen?.size) return
    on.push(f)
    for (const value of chosen) selected[valueIndex(facet, value)] = 1
  })
  let shown = 0
  const changed: Row[] = []
  const found = textMatches(terms)
  // An index, not rows.entries(): its [r, row] pairs were most of what a keystroke allocated.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!
    const textOk = found[r] === 1
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
      changed.push(row)
    }
    if (visible) shown++
    if (!textOk || failures > 1) continue
    for (let f = 0; f < row.values.length; f++) {
      if (failures === 1 && f !== failed) continue
      for (const n of row.values[f]!) tallies[n]!++
    }
  }
  return [shown, changed, on.length]
}

/**
 * Which rows' text has every term, as 1s. Each search's answer is kept, so deleting a letter costs a look-up;
 * and a search that only lengthens the last one ("mer" after "me") tests only the rows that one found.
 */
function textMatches(terms: string[]): Uint8Array {
  const key = terms.join(' ')
  let found = searched.get(key)
  if (!found) {
    const last = lastSearch
    const within = last && last[0].every((term, n) => terms[n]?.includes(term)) && last[1]
    // Not Uint8Array.from(rows, …): it walks the rows as an iterable, a fifth slower over 10,000.
    const answer = (found = new Uint8Array(rows.length))
    rows.forEach((row, r) => (answer[r] = +((!within || within[r] === 1) && terms.every((term) => row.text.includes(term)))))
    searched.set(key, found)
  }
  lastSearch = [terms, found]
  return found
}

/**
 * Writes what waits for a pause in the typing: the rows off the page whose `hidden` is not yet their state (the
 * list tools are told), then the counts that changed, with the hidden word after each for screen readers ("ICLR, 1 paper").
 */
function showCounts(): void {
  const stale = rows.filter((row) => row.element.hidden === row.shown)
  for (const row of stale) row.element.hidden = !row.shown
  if (stale[0]) list!.dispatchEvent(new Event('filter'))
  counters.forEach((elements, n) => {
    const tally = tallies[n]!
    const text = `${tally}`
    for (const counter of elements) {
      if (counter.textContent === text) continue
      counter.textContent = text
      // The page puts the word after every count (templates/pages/home.eta).
      setText(counter.nextElementSibling!, tally === 1 ? ' paper' : ' papers')
      counter.parentElement!.classList.toggle('is-zero', tally === 0)
    }
  })
}

/** The chips of what is filtered (each removes itself) and the number ticked beside each facet's name. */
function showChips(current: State): void {
  const wanted: Array<[text: string, remove: () => State]> = []
  if (current.q.trim()) wanted.push([`Search: ${current.q}`, () => ({...state, q: ''})])
  facetKeys.forEach((facet, f) => {
    const values = current.selected[facet]!
    for (const value of values) {
      const remove = () => {
        const rest = new Set(state.selected[facet])
        rest.delete(value)
        return {...state, selected: {...state.selected, [facet]: rest}}
      }
      wanted.push([`${legends[f]}: ${names[valueIndex(facet, value)] || value}`, remove])
    }
    // Every facet's summary has its number (templates/pages/home.eta), as every value has its count.
    const ticked = facets[f]!.querySelector<HTMLElement>('.ticked')!
    ticked.hidden = values.size === 0
    setText(ticked.firstChild!, `${values.size}`)
  })
  byId('filter-chips').replaceChildren(...wanted.map(([text, remove]) => chip(text, remove)))
}

/** A chip that removes one filter, then keeps the focus in the chips. */
function chip(text: string, remove: () => State): HTMLElement {
  const item = element('li')
  const button = element('button', 'filter-chip')
  const hidden = element('span', 'visually-hidden')
  hidden.append('Remove ')
  button.append(hidden, text)
  button.addEventListener('click', () => {
    const holder = byId('filter-chips')
    const at = [...holder.children].indexOf(item)
    commit(remove())
    // Focus stays in the chips (the next one, else the last), or goes back to the search box.
    ;((holder.children[at] ?? holder.lastElementChild)?.querySelector('button') ?? input).focus()
  })
  item.append(button)
  return item
}

/** The notice for values the URL names that the list lacks: the sentence is on the page (templates/pages/home.eta), the values fill it. */
function showNotice(current: State): void {
  const notice = byId('filter-notice')
  setText(notice.firstElementChild!, current.unknown.map(([facet, value]) => `${legends[facetKeys.indexOf(facet!)]} “${value}”`).join(', '))
  notice.hidden = !current.unknown.length
}

function write(state: State, mode: 'push' | 'replace'): void {
  // Parameters of other scripts (the list's sort order) stay as they are.
  const params = new URLSearchParams(location.search)
  for (const key of ['q', ...facetKeys]) params.delete(key)
  if (state.q.trim()) params.set('q', state.q)
  for (const facet of facetKeys) for (const value of state.selected[facet] ?? []) params.append(facet, value)
  // Unknown values stay in the address they came with, until the reader changes the filter.
  for (const [facet, value] of state.unknown) params.append(facet!, value!)
  const query = params.toString()
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`
  if (url === location.href.slice(location.origin.length)) return
  history[`${mode}State`](null, '', url)
  // The list tools carry the filters in their links (the matrix): they follow the address.
  list!.dispatchEvent(new Event('filter'))
}

/** Writes a text only when it differs: an unchanged write still costs the page a layout. */
function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text
}

function byId(id: string): HTMLElement {
  return document.getElementById(id)!
}

/** A new element; a button made here is never a form's submit button. */
function element(tag: string, className = ''): HTMLElement {
  const made = document.createElement(tag)
  made.className = className
  if (tag === 'button') (made as HTMLButtonElement).type = 'button'
  return made
}

/** Lower case without accents, so "llama" finds "LLaMA" and "e" finds "é". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
}

function words(text: string | undefined): string[] {
  return (text ?? '').split(' ').filter(Boolean)
}
