import 'server-only';
import { headers } from 'next/headers';
import { appOrigin } from './app-url';
import { clientIp } from './client-ip';

/** What domain functions need to know about the request: who is asking and our public origin. */
export async function requestContext(): Promise<{ ip: string; origin: string }> {
  const [h, origin] = await Promise.all([headers(), appOrigin()]);
  return { ip: clientIp(h), origin };
}
