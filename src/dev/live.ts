/// <reference types="vite/client" />
/**
 * In the browser, on every page the dev server sends. A reload that the server broadcast while this page
 * was still loading (its socket not yet open) never reached it: so the page tells the server which build
 * it shows as soon as its socket opens, and the server reloads it when a newer build has finished since.
 */
const build = document.querySelector<HTMLMetaElement>('meta[name="dev-build"]')?.content ?? ''
import.meta.hot?.send('readme-site:build', {build})
