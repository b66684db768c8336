import 'server-only';
import { headers } from 'next/headers';
import { configuredOrigin } from './app-url';
import { clientIp } from './client-ip';

/** What domain functions need to know about the request: who is asking and our public origin. */
export async function requestContext(): Promise<{ ip: string; origin: string }> {
  return { ip: clientIp(await headers()), origin: configuredOrigin() };
}
