/** Link texts that name the kind of link, not the paper: `[Paper]`, `[[Code]]`, `[arXiv]`. */
const generic = /^\[*\s*(paper|papers|pdf|arxiv|abs|abstract|html|code|codes|github|git|repo|repository|link|links|url|project|project page|page|homepage|website|site|blog|slides|video|poster|demo|model|models|weights|checkpoints?|dataset|data|openreview|doi|official|unofficial|hf|hugging ?face|notes?|zhihu|知乎|论文|代码)(\s*\(.*\))?\s*\]*$/i

/** Is this link text a kind of link (`Paper`, `[Code]`, `GitHub`) rather than a name? */
export function isGenericLabel(text: string): boolean {
  return generic.test(text.trim())
}

/**
 * Does this read like a paper's title? Not empty, and free of what a wrong reading leaves in one:
 * HTML, brackets, `**`, a URL, badge text, or a separator at either end.
 */
export function isCleanTitle(title: string): boolean {
  if (title.length < 2 || isGenericLabel(title)) return false
  return !/[<>[\]]|\*\*|__|https?:|www\.|shields\.io|^[-–—|,;:.\s]|[-–—|,;:(\s]$/.test(title)
}

/** Markers that decorate a title: `:star:`, ⭐, 🔥, a `[//]: #` comment. */
// A shortcode stands alone: `::stop-commands::` or `a:b:c` is text, not `:stop-commands:`.
const decorations = /(?<![:\w]):[a-z0-9_+-]+:(?![:\w])|[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B50}\u{2B55}\u{FE0F}\u{200D}]|\[\/\/\]:\s*#.*$/gu

/** A title without decorations, surrounding quotes and separators. */
export function cleanTitle(text: string): string {
  return text
    .replace(decorations, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // What a split left at the ends: `Title, [` before `[Paper](…)]`, `- ` before a venue.
    // A leading `:` stays: it is the title's own (`::cmd::` is text), not what a split left.
    .replace(/^[\s,;|–—\])-]+|[\s,;:|–—([-]+$/g, '')
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .trim()
}
