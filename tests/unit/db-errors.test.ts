import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '@/lib/db-errors';

// What counts as «the database is away» (a retry later) rather than a wrong query.

function pgFailure(code: string, message: string) {
  return Object.assign(new Error(message), { code });
}

describe('isDatabaseUnavailable', () => {
  it('knows a killed connection, a shutdown, too many clients and a dropped socket', () => {
    expect(isDatabaseUnavailable(pgFailure('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseUnavailable(pgFailure('53300', 'sorry, too many clients already'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('knows a database closed to new connections, wrapped by drizzle or not', () => {
    const closed = pgFailure('55000', 'database "energo" is not currently accepting connections');
    expect(isDatabaseUnavailable(closed)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: closed }))).toBe(true);
  });

  it('does not take another error of the same generic code, or a wrong query, for an outage', () => {
    expect(isDatabaseUnavailable(pgFailure('55000', 'cannot refresh materialized view concurrently'))).toBe(false);
    expect(isDatabaseUnavailable(pgFailure('23505', 'duplicate key value violates unique constraint'))).toBe(false);
  });
});
