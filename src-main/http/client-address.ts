/**
 * The address a request came from, for per-source attempt limits. Behind a load balancer
 * every request arrives from the balancer, so all kiosks of a city would share one
 * allowance; the balancer's own addresses are named (`--trust-proxy`), and for a request
 * from one of them the client is the last address in X-Forwarded-For that is not a trusted
 * proxy. From anyone else the header is ignored: a client could write any address there.
 */
import type { IncomingMessage } from 'node:http';

const plain = (a: string) => a.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

export function clientAddress(req: IncomingMessage, trustedProxies: readonly string[] = []): string {
  const direct = plain(req.socket.remoteAddress ?? 'unknown');
  if (trustedProxies.length === 0 || !trustedProxies.includes(direct)) return direct;
  const forwarded = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded ?? '').split(',').map(plain).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trustedProxies.includes(hops[i]!)) return hops[i]!;
  return direct;
}
