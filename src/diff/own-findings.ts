import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {annotations} from '../report/github.ts'
import {diffRevisions} from './revisions.ts'
import {plural} from './words.ts'
import type {Version} from './version.ts'

/** The head's findings split into the change's own and those the base already had. */
export interface OwnFindings {
  /** Findings on lines the change touched, then the other findings it introduced, each group in the README's order. */
  own: VFileMessage[]
  /** Findings the base already had, on lines the change did not touch. */
  preexisting: VFileMessage[]
  /** The findings the change introduced (by rule and subject, not by line). */
  introduced: Set<VFileMessage>
  /** How the base is shown: `main (1a2b3c4)`. */
  base: string
}

/**
 * Which of the head's findings are the change's own. GitHub shows only the first ten error and ten warning
 * annotations of a step, so a pull request's own mistake must come before the list's hundred old ones.
 */
export async function ownFindings(head: Version, options: {input: string; since?: string | undefined; cwd?: string}): Promise<OwnFindings> {
  // The head was analysed with its history (stale references resolved), so the base is too: like with like.
  const result = await diffRevisions({input: options.input, base: options.since, cwd: options.cwd, headVersion: head, history: true})
  const introduced = new Set(result.introduced)
  const changed = result.changedLines()
  const touched = (message: VFileMessage) => changed.has(message.line ?? 1)
  const messages = head.file.messages
  return {
    own: [...messages.filter(touched), ...messages.filter((message) => !touched(message) && introduced.has(message))],
    preexisting: messages.filter((message) => !touched(message) && !introduced.has(message)),
    introduced,
    base: result.diff.base.label
  }
}

/** Workflow commands: the change's own findings as annotations, then one notice that counts the rest. */
export function ownFirstAnnotations(file: VFile, found: OwnFindings): string[] {
  const own = new VFile({path: file.path})
  own.messages.push(...found.own)
  const lines = annotations([own])
  const errors = found.preexisting.filter((message) => message.fatal).length
  if (found.preexisting.length > 0) {
    lines.push(`::notice title=Findings already in the list::${found.preexisting.length} ${found.preexisting.length === 1 ? 'finding was' : 'findings were'} already in the README before this change (${plural(errors, 'error')}, ${plural(found.preexisting.length - errors, 'warning')}) and ${found.preexisting.length === 1 ? 'is' : 'are'} not annotated; the check's log lists every finding`)
  }
  return lines
}
