import 'server-only';
import { headers } from 'next/headers';

/**
 * The public origin for links in e-mails. APP_URL wins (set it in production so a forged Host
 * header can never point a recovery link elsewhere); otherwise the request's own host.
 */
export async function appOrigin(): Promise<string> {
  const configured = process.env.APP_URL ?? process.env.AUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto =
    h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto.split(',')[0]}://${host.split(',')[0]}`;
}

/** For background jobs, which have no request: APP_URL, or this instance on localhost. */
export function configuredOrigin(): string {
  const configured = process.env.APP_URL ?? process.env.AUTH_URL;
  return configured ? new URL(configured).origin : `http://localhost:${process.env.PORT ?? '3000'}`;
}
