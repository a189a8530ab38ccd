// The module hooks behind record-modules.js; they run on Node's loader thread.
import {appendFileSync} from 'node:fs'

export async function load(url, context, nextLoad) {
  if (process.env.RECORD_MODULES) appendFileSync(process.env.RECORD_MODULES, `${url}\n`)
  return nextLoad(url, context)
}
