import {createHash} from 'node:crypto'
import {dirname, join, resolve} from 'node:path'
import {cacheFolder, readCached, writeCached} from '../util/cache-folder.ts'
import {logArguments, nearestRepository, type FileLog, type Place} from './git-log.ts'
import {refFiles, stamp} from './head.ts'

// The README's committed history, kept between builds: the log git gave and the committed versions the
// renames compare. A build of the same README in the same repository state reads them from here and starts
// no git process (it started four, a tenth of a seed build on this machine).

const folder = cacheFolder('history')
/** Enough for the lists and checkouts one works on; the oldest go first. */
const kept = 16
/** What the stored data means: raise it when the log's reading or the choice of versions changes. */
const format = 1

/** What a build reads from the history, as git gave it. */
export interface CommittedData {
  log: FileLog
  /** The committed versions the renames compare, oldest first (`committedTexts`). */
  versions: string[]
}

/** Where the repository is, as git said when the data was read. */
export type Location = Pick<Place, 'top' | 'shallow' | 'dirs'>

interface Stored extends CommittedData {
  state: string
  place: Location
}

/**
 * Everything the history of `readme` depends on, as one string read from files, not from git; undefined
 * when that cannot be told (refs in a reftable, a README no longer in that repository). The commits are
 * the same while HEAD, the refs it leads to and packed-refs are (head.ts), and so are the shallow list, the
 * replacements and grafts, the README's path and the log's options. The repository is
 * still the README's while the nearest `.git` above it is the one at its top, where git's search stops.
 * Replacements are told by their folder's date: one added or removed is seen, one rewritten in place
 * (`git replace -f` of an existing one) only once HEAD or a ref moves.
 */
export function repositoryState(readme: string, place: Location): string | undefined {
  const refs = refFiles(place.dirs)
  if (refs === undefined) return undefined
  if (nearestRepository(dirname(resolve(readme))) !== place.top) return undefined
  const shallow = stamp(resolve(dirname(readme), place.shallow))
  const replaced = [join(place.dirs.common, 'refs', 'replace'), join(place.dirs.common, 'info', 'grafts')].map(stamp)
  return JSON.stringify([format, resolve(readme), logArguments, refs, shallow, replaced])
}

/** What the last build of `readme` stored, when the repository is in the same state as then. */
export function readStored(readme: string): CommittedData | undefined {
  const stored = readCached<Stored>(fileFor(readme))
  if (!stored || repositoryState(readme, stored.place) !== stored.state) return undefined
  return {log: stored.log, versions: stored.versions}
}

/** Stores what git gave, under the state read before git was asked for it. */
export function store(readme: string, state: string, place: Location, data: CommittedData): void {
  writeCached(fileFor(readme), {state, place: {top: place.top, shallow: place.shallow, dirs: place.dirs}, ...data} satisfies Stored, kept)
}

function fileFor(readme: string): string {
  return join(folder, `${createHash('sha256').update(resolve(readme)).digest('hex').slice(0, 32)}.json`)
}
