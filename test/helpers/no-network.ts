import net from 'node:net'
import dns from 'node:dns'

/**
 * Runs `work` while recording every attempt this process makes to reach the network: a socket
 * connection, a DNS lookup or a fetch (which is refused). Returns what was attempted; a hermetic
 * step returns nothing. The spies are checked to see a connection before they are trusted.
 */
export async function networkAttempts(work: () => Promise<unknown>): Promise<string[]> {
  const attempts: string[] = []
  const connect = net.Socket.prototype.connect
  const lookup = dns.lookup
  const fetchBefore = globalThis.fetch
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    attempts.push(`connect ${JSON.stringify(args[0])}`)
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args)
  } as typeof connect
  dns.lookup = ((...args: unknown[]) => {
    attempts.push(`lookup ${String(args[0])}`)
    return (lookup as (...a: unknown[]) => unknown)(...args)
  }) as typeof dns.lookup
  globalThis.fetch = ((input: unknown) => {
    attempts.push(`fetch ${String(input)}`)
    return Promise.reject(new Error('no network here'))
  }) as typeof fetch
  try {
    net.createConnection({port: 9, host: '127.0.0.1'}).on('error', () => {}).destroy()
    if (attempts.length !== 1) throw new Error('the network spies saw no connection: they cannot be trusted')
    attempts.length = 0
    await work()
  } finally {
    net.Socket.prototype.connect = connect
    dns.lookup = lookup
    globalThis.fetch = fetchBefore
  }
  return attempts
}
