/**
 * Loaded with `node --import` into a measured process (ours or the peer's): when the process exits, writes
 * its peak resident set size in MB to $PEAK_RSS_FILE. Node reports no child's peak, so each child reports
 * its own; worker threads share the process and count.
 */
import {writeFileSync} from 'node:fs'

const file = process.env['PEAK_RSS_FILE']
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS / 1024)))
