import {existsSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * The project's folder: the nearest folder above this module that holds a package.json. Found by
 * walking up rather than by a fixed `../`, because this module runs both from src/ (tests, tsx) and
 * compiled from lib/src/, one level deeper; templates/ and public/ are read from here either way.
 */
export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)))

function findRoot(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json'))) return at
    if (dirname(at) === at) throw new Error(`no package.json above ${dir}`)
  }
}
