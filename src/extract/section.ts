import type {DatasetRole, RawSection, SectionKind} from '../types.ts'

/** Kinds whose subsections hold more of the same (`### Survey` under Papers holds papers). */
const inherited = new Set<SectionKind>(['papers', 'models', 'datasets', 'methods', 'tools'])

/** What a heading's section holds, from its text and the section it sits in. */
export function classifySection(title: string, parent: RawSection | undefined): SectionKind {
  if (parent && inherited.has(parent.kind)) return parent.kind
  const text = title.toLowerCase()
  if (/^\s*(table of )?contents\s*$/.test(text)) return 'contents'
  if (/\bpapers?\b/.test(text)) return 'papers'
  if (/\bmethods?\b/.test(text)) return 'methods'
  if (/\bmodels?\b|\bllms?\b/.test(text)) return 'models'
  if (/\bdatasets?\b|\bbenchmarks?\b/.test(text)) return 'datasets'
  if (/\btools?\b|\btoolkits?\b|\blibrar(y|ies)\b/.test(text)) return 'tools'
  return 'prose'
}

/** The role of a Datasets subsection, from its heading: "Calibration Dataset", "For Finetuning", "For Evaluation". */
export function datasetRole(title: string): DatasetRole | undefined {
  const text = title.toLowerCase()
  if (/calibrat/.test(text)) return 'calibration'
  if (/fine-?\s?tun|train/.test(text)) return 'finetuning'
  if (/evaluat|benchmark|\btest/.test(text)) return 'evaluation'
  return undefined
}

/**
 * Sections that are about the list, not part of it: their links are no entries, even to papers
 * (a news item announcing a paper, the list's own citation, a star-history chart).
 */
const aboutTheList = /^(table of contents|contents|(how to )?contribut(e|ing|ion|ions|ors)\b|citations?$|cite( us| this)?\b|citing\b|how to cite|bibtex|news\b|latest news|updates?\b|latest updates|recent updates|changelog|change log|what'?s new|announcements?|acknowledg|thanks\b|star history|stargazers|licen[cs]e\b|contact\b)/i

/** Does this heading name a section that never holds papers, whatever links it has? */
export function holdsNoPapers(title: string): boolean {
  // Headings often open with an emoji: `## 🔥 News`.
  return aboutTheList.test(title.replace(/^[^\p{L}\p{N}]+/u, '').trim())
}
