import type {PageType} from '../route.ts'

/** `404.html`, which GitHub Pages serves for any path it has no file for. Its links are absolute, so they work from any depth. */
export const notFound: PageType = (graph) => [{
  page: '404.html',
  template: 'pages/not-found',
  title: 'Page not found',
  description: `This page is not part of ${graph.title || 'the list'}.`,
  nav: undefined,
  noindex: true,
  data: () => ({})
}]
