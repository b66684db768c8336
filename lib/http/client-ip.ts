import { isIP } from 'node:net';

/**
 * The client's address for rate limits and the audit log. On a running server the client-address
 * hook (client-address-hook.ts) has already replaced X-Forwarded-For with the one address it
 * trusts, so this reads that; anything that is not an IP address counts as «unknown».
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  const ip = (last ?? '').replace(/^::ffff:/, '');
  return isIP(ip) !== 0 ? ip : 'unknown';
}

/**
 * The client's address `hops` trusted reverse proxies away: each proxy appends the peer it saw to
 * X-Forwarded-For, and our socket's peer is the nearest proxy (or the client, with none). Entries
 * further left were written by the client itself and are never believed. With fewer entries than
 * proxies (a request that bypassed them), the farthest address there is.
 */
export function trustedClientAddress(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  hops: number,
): string {
  const chain = [
    ...(forwardedFor ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
    socketAddress ?? '',
  ];
  return chain[Math.max(0, chain.length - 1 - hops)] ?? '';
}
