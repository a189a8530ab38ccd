import {launchChromium} from './shared/chromium.ts'
import {builtBase, serveSite} from './preview-server.ts'
import {screenshotWholePage} from './shared/screenshot.ts'
import {mkdir} from 'node:fs/promises'

/** Screenshots of the built site at desktop and phone widths, for a person to look at. Usage: screenshot [path…] */
const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['', 'papers/shortened-llama/', 'models/', 'datasets/boolq/']
const out = 'test-results/screenshots'
await mkdir(out, {recursive: true})
// Served as the preview serves it: under the base the site was built for.
const server = await serveSite('dist', {base: (await builtBase('dist')) ?? '/'})
const browser = await launchChromium()
for (const [name, viewport, scheme] of [['desktop', {width: 1280, height: 900}, 'light'], ['phone', {width: 390, height: 844}, 'light'], ['dark', {width: 1280, height: 900}, 'dark']] as const) {
  const page = await browser.newPage({viewport, colorScheme: scheme})
  for (const path of paths) {
    await page.goto(server.url + path)
    const file = `${out}/${name}-${path.replace(/[^a-z0-9?=&-]+/gi, '_') || 'home'}.png`
    if (name === 'dark') await page.screenshot({path: file})
    else await screenshotWholePage(page, file)
    console.log(file)
  }
  await page.close()
}
await browser.close()
await server.close()
