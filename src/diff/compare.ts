import type {VFileMessage} from 'vfile-message'
import {matchPapers} from './identity.ts'
import {comparePapers} from './papers.ts'
import {renumberings} from './renumber.ts'
import {byKey, tableRows} from './tables.ts'
import {compareCitations} from './citations.ts'
import {compareReferences} from './references.ts'
import {compareNames} from './names.ts'
import {compareFindings} from './findings.ts'
import type {ListDiff, Side} from './types.ts'
import type {Version} from './version.ts'

export interface Compared {
  diff: ListDiff
  /** The head's findings that the change introduced, as vfile messages: the check annotates these first. */
  introduced: VFileMessage[]
}

/** Compares two analyzed versions of the list: papers by identity, then what each part of the graph gained and lost. Orchestration only. */
export function compareLists(base: Version, head: Version, sides: {file: string; base: Side; head: Side}): Compared {
  const identity = matchPapers(base, head)
  const baseRows = tableRows(base)
  const headRows = tableRows(head)
  const baseByKey = byKey(baseRows)
  const headByKey = byKey(headRows)
  const papers = comparePapers(base, head, identity)
  const renumbered = renumberings(base, head, identity)
  const references = compareReferences(base, head, identity, baseByKey, headByKey)
  const citations = compareCitations(base, head, identity, baseByKey, headByKey, references.explained)
  const names = compareNames(base, head, baseRows, headRows)
  const findings = compareFindings(base, head, identity, baseRows, headRows)

  const counts = {
    papersAdded: papers.added.length,
    papersRemoved: papers.removed.length,
    papersChanged: papers.changed.length,
    papersRenumbered: renumbered.reduce((sum, run) => sum + run.papers, 0),
    referencesRepointed: references.repointed.length,
    citationsAdded: citations.added.length,
    citationsRemoved: citations.removed.length,
    namesAdded: names.added.length,
    namesRemoved: names.removed.length,
    lookAlikes: names.added.filter((name) => name.lookAlike).length,
    findingsIntroduced: findings.introduced.length,
    findingsFixed: findings.fixed.length
  }
  const diff: ListDiff = {
    version: 1,
    file: sides.file,
    base: sides.base,
    head: sides.head,
    changed: Object.values(counts).some((count) => count > 0) || references.followed > 0 || names.changed.length > 0,
    textChanged: String(base.file.value) !== String(head.file.value),
    counts,
    papers,
    renumberings: renumbered,
    references: {repointed: references.repointed, followed: references.followed},
    citations,
    names,
    findings: {
      introduced: findings.introduced.map((message) => findings.describe(message, 'head')),
      fixed: findings.fixed.map((message) => findings.describe(message, 'base')),
      unchanged: findings.unchanged
    }
  }
  return {diff, introduced: findings.introduced}
}
