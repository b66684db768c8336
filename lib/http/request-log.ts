import 'server-only';
import { headers } from 'next/headers';
import { log } from '@/lib/log';
import { REQUEST_ID_HEADER } from '@/lib/security/request-id';

/** The logger for this request, carrying the id proxy.ts gave it; the plain logger outside a request. */
export async function requestLog() {
  try {
    const id = (await headers()).get(REQUEST_ID_HEADER);
    return id ? log.child({ requestId: id }) : log;
  } catch {
    return log;
  }
}
