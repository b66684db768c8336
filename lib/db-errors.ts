// Postgres errors by SQLSTATE, as both drivers report them (node-postgres and PGlite, possibly
// wrapped by drizzle in `cause`).

const UNIQUE_VIOLATION = '23505';

/** The SQLSTATE and constraint name behind a driver or drizzle error, or null for any other error. */
export function pgError(error: unknown): { code: string; constraint?: string } | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const candidate = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint_name ?? candidate.constraint;
      return { code: candidate.code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
    e = candidate.cause;
  }
  return null;
}

/** A unique index refused the write (optionally: this very index). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgError(error);
  return pg?.code === UNIQUE_VIOLATION && (constraint === undefined || pg.constraint === constraint);
}

// Socket errors and node-postgres's own messages when it cannot reach the server or lost it.
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const UNREACHABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

const NOT_ACCEPTING = /is not currently accepting connections/i;

function messageOf(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const candidate = e as { message?: unknown; cause?: unknown };
    if (typeof candidate.message === 'string') parts.push(candidate.message);
    e = candidate.cause;
  }
  return parts.join(' ');
}

/**
 * The database is away (refused, dropped, shutting down, out of connections) rather than the query
 * being wrong: worth a 503 and a retry, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pg = pgError(error);
  if (pg) {
    if (pg.code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(pg.code)) return true;
    // A database closed to new connections (ALTER DATABASE … ALLOW_CONNECTIONS false, as during a
    // restore): SQLSTATE 55000, a generic code, so the message decides.
    return pg.code === '55000' && NOT_ACCEPTING.test(messageOf(error));
  }
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const candidate = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof candidate.code === 'string' && UNREACHABLE_CODES.has(candidate.code)) return true;
    if (typeof candidate.message === 'string' && UNREACHABLE_MESSAGE.test(candidate.message)) return true;
    // Node reports a refused dual-stack connect as an AggregateError of ECONNREFUSED.
    if (Array.isArray(candidate.errors) && candidate.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    e = candidate.cause;
  }
  return false;
}

/** An exclusion constraint refused the write (e.g. two tariffs of one kind on the same day). */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const pg = pgError(error);
  return pg?.code === '23P01' && (constraint === undefined || pg.constraint === constraint);
}

/** A trigger refused to change a row that other rows depend on (SQLSTATE restrict_violation). */
export function isRestrictViolation(error: unknown): boolean {
  return pgError(error)?.code === '23001';
}
