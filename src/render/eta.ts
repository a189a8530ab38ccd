import type {Eta} from 'eta'
import {newEta} from './engine.js'
import {join} from 'node:path'
import {projectRoot} from '../util/project-root.ts'

export const templatesDir = join(projectRoot, 'templates')

/** The one configured template engine (src/render/engine.js, which the writer thread loads too). */
export function createEta(options: {cache?: boolean; views?: string; debug?: boolean} = {}): Eta {
  return newEta({views: options.views ?? templatesDir, cache: options.cache ?? true, debug: options.debug ?? false})
}

export class TemplateError extends Error {
  readonly template: string
  /** What went wrong, without the template's name (a diagnostic on the template's file names it already). */
  readonly reason: string
  /** Where in the template, when eta says. */
  readonly place: {line: number; column: number} | undefined
  constructor(template: string, cause: unknown) {
    const {reason, place} = explain(cause instanceof Error ? cause.message : String(cause))
    super(`${template}: ${reason}`)
    this.name = 'TemplateError'
    this.template = template
    this.reason = reason
    this.place = place
  }
}

/**
 * eta's messages, made short: "unclosed tag at line 2 col 1: …", a runtime error under `debug`
 * ("/path/x.eta:2", the lines around it, then the error), or "Bad template syntax" followed by the
 * compiled function, which is no help to whoever edits the template.
 */
function explain(message: string): {reason: string; place: {line: number; column: number} | undefined} {
  const parse = /^(.*?) at line (\d+) col (\d+)/.exec(message)
  if (parse) return {reason: parse[1]!, place: {line: Number(parse[2]), column: Number(parse[3])}}
  const runtime = /^[^\n]*\.eta:(\d+)\n[\s\S]*?\n\n([^\n][\s\S]*)$/.exec(message)
  if (runtime) return {reason: runtime[2]!.trim(), place: {line: Number(runtime[1]), column: 1}}
  const syntax = /^Bad template syntax\n\n([^\n]*)/.exec(message)
  if (syntax) return {reason: `Bad template syntax: ${syntax[1]} (a \`<% %>\` tag holds code that is not valid JavaScript)`, place: undefined}
  return {reason: message.split('\n')[0]!, place: undefined}
}
