import { isIP } from 'node:net';

/**
 * The client's address for rate limiting. Next.js fills X-Forwarded-For from the socket only when
 * the header is absent, and a reverse proxy appends the peer it saw, so the rightmost entry is the
 * one our own side wrote. Deploy behind a proxy that sets the header (nginx: `$remote_addr`);
 * per-account limits hold regardless of what a client forges here.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  const candidate = last ?? headers.get('x-real-ip') ?? '';
  const ip = candidate.replace(/^::ffff:/, '');
  return isIP(ip) !== 0 ? ip : 'unknown';
}
