import {serveSite, type StaticServer} from '../preview-server.ts'

export type {StaticServer}

/** Serves a built site from `root` under `base` on a free loopback port, as GitHub Pages (and `npm run preview`) would. */
export function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  return serveSite(root, {base})
}
