/**
 * Runs inside the page (it must stay self-contained: Playwright sends its source to the browser).
 * Lists every element, attribute or URL in the DOM that the site's own templates and the sanitized
 * markdown could not have produced.
 */
export function inspectDom(assetsPrefix: string): string[] {
  const problems: string[] = []
  const tags = new Set(('html head body meta title link script main header footer nav aside section article div span p a ul ol li dl dt dd ' +
    'h1 h2 h3 h4 h5 h6 details summary form label input button strong em code pre del blockquote hr br img sup sub table thead tbody tfoot ' +
    'tr th td caption colgroup col small abbr kbd b i s ins q cite mark time bdi figure figcaption select option').split(' '))
  const attribute = /^(class|id|href|src|alt|title|rel|type|name|value|lang|content|property|charset|http-equiv|hidden|open|tabindex|role|for|placeholder|autocomplete|spellcheck|checked|disabled|dir|datetime|start|colspan|rowspan|scope|method|action|download|selected|aria-[a-z]+|data-[a-z0-9-]+)$/
  // The home page's chart is the one SVG the site draws; its elements are allowed inside it only.
  const chartTags = new Set(['svg', 'title', 'desc', 'line', 'text', 'rect'])
  const chartAttribute = /^(viewbox|width|height|focusable|x|y|x1|x2|y1|y2|rx|text-anchor)$/
  const safeProtocols = new Set(['http:', 'https:', 'mailto:'])
  const describe = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}>`

  for (const el of Array.from(document.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase()
    const inChart = el.closest('figure.chart > svg') !== null
    if (!tags.has(tag) && !(inChart && chartTags.has(tag))) problems.push(`element ${describe(el)} is not one the site produces`)
    if (tag.includes('pwn')) problems.push(`injected element ${describe(el)}`)
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase()
      if (name.includes('pwn')) problems.push(`injected attribute ${name} on ${describe(el)}`)
      // `blocking` only on the home page's <link rel="expect"> (its first paint waits for the element before the list).
      else if (!attribute.test(name) && !(inChart && chartAttribute.test(name)) && !(tag === 'link' && name === 'blocking' && el.getAttribute('rel') === 'expect')) problems.push(`attribute ${name} on ${describe(el)} is not one the site produces`)
    }
    for (const name of ['href', 'src']) {
      const value = el.getAttribute(name)
      if (value === null) continue
      let url: URL
      try {
        url = new URL(value, document.baseURI)
      } catch {
        problems.push(`${describe(el)} has an unparsable ${name}: ${value.slice(0, 80)}`)
        continue
      }
      if (!safeProtocols.has(url.protocol)) problems.push(`${describe(el)} ${name} uses ${url.protocol} ${value.slice(0, 80)}`)
      if (tag === 'img' && url.origin !== location.origin && url.protocol !== 'https:') problems.push(`<img> loads from ${url.origin}`)
    }
    if (tag === 'script' && el.getAttribute('type') === 'application/ld+json' && !el.hasAttribute('src') && el.parentElement === document.head) {
      // Structured data is a data block, never run; it must be one JSON value with no markup in it.
      try {
        JSON.parse(el.textContent ?? '')
        if (/[<>]/.test(el.textContent ?? '')) problems.push('JSON-LD with raw < or >')
      } catch {
        problems.push('JSON-LD that is not JSON')
      }
    } else if (tag === 'script') {
      const src = el.getAttribute('src')
      if (!src || !new URL(src, document.baseURI).href.startsWith(location.origin + assetsPrefix) || el.textContent !== '') problems.push(`script that is not the site's own: ${(src ?? el.textContent ?? '').slice(0, 80)}`)
    }
    if (tag === 'meta' && el.hasAttribute('http-equiv') && el.getAttribute('http-equiv')!.toLowerCase() !== 'content-security-policy') problems.push(`meta http-equiv=${el.getAttribute('http-equiv')}`)
    if ((tag === 'meta' || tag === 'link' || (tag === 'title' && !inChart)) && el.parentElement !== document.head) problems.push(`${describe(el)} outside <head>`)
    if (tag === 'link' && !['icon', 'stylesheet', 'alternate', 'canonical', 'expect'].includes(el.getAttribute('rel') ?? '')) problems.push(`link rel=${el.getAttribute('rel')}`)
    if (tag === 'link' && el.getAttribute('rel') === 'expect' && !(/^#[a-z-]+$/.test(el.getAttribute('href') ?? '') && el.getAttribute('blocking') === 'render')) problems.push(`link rel=expect that is not the site's own: ${el.outerHTML.slice(0, 80)}`)
    if (tag === 'form' && el.id !== 'filter-form' && !el.classList.contains('not-found-search')) problems.push('a form that is not a search form of the site')
    if (tag === 'form' && el.hasAttribute('action') && new URL(el.getAttribute('action')!, document.baseURI).origin !== location.origin) problems.push('a form that submits to another site')
    if (tag === 'button' && !['button', 'submit'].includes(el.getAttribute('type') ?? '')) problems.push('a button without an explicit type')
    if (tag === 'input' && !((el as HTMLInputElement).type === 'search' || (el as HTMLInputElement).type === 'checkbox')) problems.push(`input type=${(el as HTMLInputElement).type}`)
  }
  const policies = document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')
  if (policies.length !== 1 || !/script-src 'self'(;|$)/.test(policies[0]!.getAttribute('content') ?? '') || !/default-src 'self'/.test(policies[0]!.getAttribute('content') ?? '')) {
    problems.push('the page does not carry exactly one CSP with default-src and script-src \'self\'')
  }
  if ((window as unknown as {pwned?: unknown}).pwned !== undefined) problems.push('injected code ran: window.pwned is set')
  return problems
}
