/**
 * Loaded with `node --import` into a measured process (ours or the peer's): when the process exits, writes
 * its peak resident set size in MB to $PEAK_RSS_FILE. Node reports no child's peak, so each child reports
 * its own; worker threads share the process and count.
 */
import {readFileSync, writeFileSync} from 'node:fs'

/**
 * This process's peak resident set size, in MB. Linux's VmHWM belongs to the process's own memory, made
 * anew at exec; getrusage's peak (process.resourceUsage().maxRSS) carries over the parent's at the fork,
 * so a 60 MB check started by a 115 MB bench reported 115 MB. Elsewhere, getrusage's is what there is.
 */
export function peakRssMb(): number {
  try {
    const kb = /^VmHWM:\s*(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]
    if (kb) return Number(kb) / 1024
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS / 1024
}

const file = process.env['PEAK_RSS_FILE']
if (file) process.on('exit', () => writeFileSync(file, String(peakRssMb())))
