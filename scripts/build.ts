import {build} from '../src/build.ts'
import {main, readFlags, readingReport, report} from './cli.ts'

await main(async () => {
  const flags = readFlags(process.argv.slice(2))
  const started = performance.now()
  const result = await build(flags)
  const reading = readingReport(result.files[0]!)
  if (reading && !flags.quiet) console.log(reading)
  const text = report(result.files, flags.verbose)
  if (text) console.error(text)
  if (!result.written) {
    console.error(`Build failed: fix the errors above, then build again. ${flags.out}/ was left as it was.`)
    return 1
  }
  if (!flags.quiet) {
    const g = result.graph!
    const ms = Math.round(performance.now() - started)
    console.log(`Built ${g.papers.length} papers, ${g.models.length} models, ${g.datasets.length} datasets, ${g.methods.length} methods and ${g.tools.length} tools into ${flags.out}/ in ${ms} ms.`)
  }
  return 0
})
