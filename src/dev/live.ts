/// <reference types="vite/client" />
/**
 * In the browser, on every page the dev server sends. A reload or CSS update that went out while this page
 * was still loading (its socket not yet open) never reached it: so the page tells the server which build
 * and stylesheet edit it was served with as soon as its socket opens, and the server reloads it when
 * either has changed since.
 */
const build = document.querySelector<HTMLMetaElement>('meta[name="dev-build"]')?.content ?? ''
import.meta.hot?.send('readme-site:build', {build})
