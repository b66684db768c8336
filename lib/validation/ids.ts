// Row ids are UUIDs. An id from a URL or a cookie is checked for the shape before it reaches a
// query: Postgres answers a malformed uuid with an error (22P02), and the answer to junk must be
// the same «not found» as for an id that does not exist.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
