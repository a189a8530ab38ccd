// The browser entries, by name. The renderer names the scripts a page loads; the writer bundles them
// with vite; the dev server serves their sources.

/** The stylesheet, and one script per job; a page loads only the scripts its route names. */
export const clientEntries = {
  home: 'src/client/home.ts',
  cite: 'src/client/cite.ts',
  matrix: 'src/client/matrix.ts',
  style: 'src/client/style.css'
}

export type ScriptName = Exclude<keyof typeof clientEntries, 'style'>

/** Each script's source file, for the dev server, which serves the sources through vite. */
export const scriptSources = Object.fromEntries(Object.entries(clientEntries).filter(([name]) => name !== 'style')) as Record<ScriptName, string>
