/**
 * The longest title, name or label the site shows, in characters. Real ones stay under 300; a longer
 * one is an accident or an attack, and a single very long word makes browsers lay out a page for
 * minutes (wrapping it anywhere re-shapes the word once per line). The rule `text-too-long` reports it.
 */
export const maxTextLength = 500

/** Cuts text to `max` characters (code points, so no emoji is split), ending with an ellipsis. */
export function clip(text: string, max = maxTextLength): string {
  if (text.length <= max) return text
  const points = Array.from(text)
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`
}
