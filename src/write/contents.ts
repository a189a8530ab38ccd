import type {TemplatedPage} from '../render/index.ts'

// What the writer writes, apart from how: output.ts (the atomic swap) and write-thread.ts (the writer thread) both read it.

/** A file's bytes, a function that makes them when the file is about to be written, or a page to render then. */
export type Contents = string | Uint8Array | (() => string | Uint8Array) | TemplatedPage

/** Output path → contents. */
export type SiteFiles = Map<string, Contents>

/** The bytes of `contents`, made now if they are made on demand. */
export function contentsNow(contents: Contents): string | Uint8Array {
  return typeof contents === 'function' ? contents() : typeof contents === 'object' && 'render' in contents ? contents.render() : contents
}
