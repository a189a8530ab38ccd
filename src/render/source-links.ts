/**
 * Ways in for a reader who spots a mistake or a missing paper: "Edit this entry" on a paper page and
 * "Suggest a paper" on every page, both derived from the README's address (`--source-url`, or
 * `GITHUB_REPOSITORY` in CI). Without one, the site offers neither rather than guess.
 */
export interface SourceLinks {
  /** The issue form that asks for a paper's title, link, venue and code; GitHub only. */
  suggest: string | undefined
  /** Where to edit the entry that starts at `line`, and where to see that line. */
  entry(line: number | undefined): EntryLinks | undefined
}

export interface EntryLinks {
  /** The host's editor for the file, when it has one. */
  edit: string | undefined
  /** The file's page at the line. */
  view: string
  line: number
}

/** The README's path in the repository when the address names only the repository. */
const defaultPath = 'content/README.md'

/** The issue form's file in `.github/ISSUE_TEMPLATE/`. */
export const suggestTemplate = 'suggest-paper.yml'

const github = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?(?:\/(?:blob|tree|edit)\/([^/]+)\/(.+?))?\/?$/

export function sourceLinks(sourceHref: string | undefined): SourceLinks {
  if (!sourceHref) return {suggest: undefined, entry: () => undefined}
  const match = github.exec(sourceHref.split('#')[0]!)
  if (!match) {
    // Another host: its own page of the file, at the line, is the best it can offer.
    const page = sourceHref.split('#')[0]!
    return {suggest: undefined, entry: (line) => (line ? {edit: undefined, view: `${page}#L${line}`, line} : undefined)}
  }
  const [, owner, repo, ref = 'HEAD', path = defaultPath] = match
  const root = `https://github.com/${owner}/${repo}`
  return {
    suggest: `${root}/issues/new?template=${suggestTemplate}`,
    // GitHub's editor opens at the top of the file: the line is linked beside it, in the file's view.
    entry: (line) => (line ? {edit: `${root}/edit/${ref}/${path}`, view: `${root}/blob/${ref}/${path}#L${line}`, line} : undefined)
  }
}
