import {chromium, type Browser, type LaunchOptions} from 'playwright-core'

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/**
 * Debian's Chromium, with the flags this machine needs. Playwright gives every launch a fresh,
 * temporary --user-data-dir of its own (it refuses one passed in `args`), so no profile is shared.
 */
export const chromiumOptions: LaunchOptions = {
  executablePath: chromiumPath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Only this machine's own servers: every other host fails at once, as if it did not exist. The pages
    // show a list's badges (img.shields.io, awesome.re) from the internet: here each waited about a second
    // for its lookup to fail, and held every navigation's load event that long; on GitHub's runners the
    // tests and screenshots would depend on those hosts answering.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'
  ]
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumOptions)
}
