// One id per request, for the server log: taken from the reverse proxy when it sent a sane one,
// otherwise made here.

export const REQUEST_ID_HEADER = 'x-request-id';

const PLAUSIBLE = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestIdFrom(upstream: string | null | undefined): string {
  return upstream && PLAUSIBLE.test(upstream) ? upstream : crypto.randomUUID();
}
