// Postgres errors by SQLSTATE, as both drivers report them (node-postgres and PGlite, possibly
// wrapped by drizzle in `cause`).

const UNIQUE_VIOLATION = '23505';

function pgError(error: unknown): { code: string; constraint?: string } | null {
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

/** An exclusion constraint refused the write (e.g. two tariffs of one kind on the same day). */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const pg = pgError(error);
  return pg?.code === '23P01' && (constraint === undefined || pg.constraint === constraint);
}

/** A trigger refused to change a row that other rows depend on (SQLSTATE restrict_violation). */
export function isRestrictViolation(error: unknown): boolean {
  return pgError(error)?.code === '23001';
}
