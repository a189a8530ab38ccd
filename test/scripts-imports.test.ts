import {expect, it} from 'vitest'
import {readdirSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {projectRoot} from '../src/util/project-root.ts'

/**
 * scripts/ is compiled into lib/ and run by `npm run`; test/ is not (issue 10). What both need lives in
 * scripts/shared/ (and scripts/fuzz/), which the tests import; the other way round is refused here.
 */
it('scripts/ imports nothing from test/', () => {
  const scripts = join(projectRoot, 'scripts')
  const files = readdirSync(scripts, {recursive: true, encoding: 'utf8'}).filter((name) => /\.(ts|js)$/.test(name))
  expect(files.length).toBeGreaterThan(10)
  const found = files.flatMap((name) => {
    const file = join(scripts, name)
    const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]!)
    return specifiers.filter((specifier) => relative(projectRoot, resolve(dirname(file), specifier)).startsWith('test/')).map((specifier) => `scripts/${name}: ${specifier}`)
  })
  expect(found).toEqual([])
})
