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
    '--disable-sync'
  ]
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumOptions)
}
