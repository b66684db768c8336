import { logLevel } from '@/lib/config/env';
import pino from 'pino';

// The server log: one JSON line per event on stdout (no transports: they run in worker threads,
// which the bundler breaks). It must never carry personal data, password hashes or SQL parameters,
// so errors are logged by what they are (name, SQLSTATE), never as the error object, whose message
// may quote the statement and its bound values.

/** Field names that must never reach the log, wherever they appear in a logged object. */
const REDACTED_FIELDS = [
  'password',
  'passwordHash',
  'password_hash',
  'newPassword',
  'currentPassword',
  'token',
  'email',
  'toAddress',
  'phone',
  'fullName',
  'holderName',
  'address',
  'login',
  'cvc',
  'pan',
  'cookie',
  'authorization',
];

/** The logger with our rules; `destination` is for tests (stdout otherwise). */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}) {
  return pino(
    {
      level: options.level ?? logLevel(),
      base: undefined,
      redact: {
        paths: [...REDACTED_FIELDS, ...REDACTED_FIELDS.map((f) => `*.${f}`)],
        censor: '[redacted]',
      },
      // An error passed by mistake is reduced to its safe description, never its message or stack.
      serializers: { err: safeError, error: safeError },
      hooks: {
        // `log.error(error)` would make the error's message the line's message: log it as `err` instead.
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          if (!(first instanceof Error)) return method.apply(this, args);
          return method.apply(this, [{ err: first }, ...(rest.length ? rest : [describeError(first).type])] as never);
        },
      },
    },
    options.destination,
  );
}

export const log = createLogger();

function isDescription(value: unknown): value is ErrorDescription {
  return (
    !!value &&
    typeof value === 'object' &&
    !(value instanceof Error) &&
    typeof (value as { type?: unknown }).type === 'string' &&
    Object.keys(value).every((k) => k === 'type' || k === 'code' || k === 'constraint')
  );
}

function safeError(value: unknown): ErrorDescription {
  return isDescription(value) ? value : describeError(value);
}

export interface ErrorDescription {
  /** The error's class: `DrizzleQueryError`, `TypeError`… */
  type: string;
  /** The SQLSTATE (or a driver's code such as ECONNREFUSED) when there is one. */
  code?: string;
  /** The constraint a database refusal names; it is schema, not data. */
  constraint?: string;
}

/**
 * What may be logged of an error: its class and code, looked up through `cause` (drizzle wraps the
 * driver's error). The message is left out on purpose: a failed query's message lists its parameters.
 */
export function describeError(error: unknown): ErrorDescription {
  const type = error instanceof Error ? error.constructor.name || error.name : typeof error;
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z_]{2,40}$/.test(candidate.code)) {
      const constraint = candidate.constraint_name ?? candidate.constraint;
      return { type, code: candidate.code, ...(typeof constraint === 'string' ? { constraint } : {}) };
    }
    e = candidate.cause;
  }
  return { type };
}
