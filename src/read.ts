import {readFileSync, statSync} from 'node:fs'
import {readFile, stat} from 'node:fs/promises'
import {relative, resolve} from 'node:path'
import {VFile} from 'vfile'
import {limits} from './parse/limits.ts'
import {count} from './parse/inline-run.ts'
import {source as ruleSource} from './util/diagnostic.ts'

/**
 * Reads the README into a vfile named as the contributor would type it from the project. Its size is
 * read first: a file over `limits.bytes` is not read at all (a 50 MB one ran V8 out of heap), and the
 * vfile holds only the error that says so.
 */
export async function read(input: string): Promise<VFile> {
  const size = (await stat(input)).size
  if (size > limits.bytes) return tooLarge(input, size)
  return new VFile({path: shownPath(input), value: withoutByteOrderMark(await readFile(input, 'utf8'))})
}

/** The same, for the dev server's watcher. */
export function readSync(input: string): VFile {
  const size = statSync(input).size
  if (size > limits.bytes) return tooLarge(input, size)
  return new VFile({path: shownPath(input), value: withoutByteOrderMark(readFileSync(input, 'utf8'))})
}

/** Messages name the file as the contributor typed it from the project: `content/README.md`. */
export function shownPath(input: string): string {
  const shown = relative(process.cwd(), resolve(input))
  return shown === '' || shown.startsWith('..') ? resolve(input) : shown
}

function tooLarge(input: string, size: number): VFile {
  const file = new VFile({path: shownPath(input), value: ''})
  const megabytes = (bytes: number) => `${count(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`
  const fix = 'remove what does not belong in it, or split the list into several READMEs'
  const message = file.message(`This file is ${megabytes(size)}, more than the ${megabytes(limits.bytes)} the site reads, so it was not read; ${fix}`, {
    place: {line: 1, column: 1},
    ruleId: 'input-too-large',
    source: ruleSource
  })
  message.fatal = true
  message.note = fix
  return file
}

/**
 * The README's text without a leading byte order mark (some Windows editors save one). remark does not
 * count it in its positions, while the table and entry readers cut the raw text at those positions, so
 * with the mark kept every cut on the tables would be one character off.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
