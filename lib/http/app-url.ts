import 'server-only';
import { env } from '@/lib/config/env';

/**
 * Our public origin, for links in letters, the gateway's return addresses and the sandbox's
 * callbacks: APP_URL, never a request's Host or X-Forwarded-Host (a forged header would point a
 * recovery link, or the sandbox's server-side call, at another host). A production start refuses
 * without APP_URL; demo mode and development fall back to this instance on localhost.
 */
export function configuredOrigin(): string {
  const { APP_URL, PORT } = env();
  return APP_URL ?? `http://localhost:${PORT}`;
}
