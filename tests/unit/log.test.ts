import { describe, expect, it } from 'vitest';
import { createLogger, describeError } from '@/lib/log';

/** A logger that writes its JSON lines into an array. */
function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** What drizzle throws for a failed insert: the statement and its bound values in the message. */
function failedInsert() {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
    code: '23505',
    constraint: 'users_email_key',
    detail: 'Key (lower(email))=(ivanova@example.com) already exists.',
  });
  class DrizzleQueryError extends Error {}
  return new DrizzleQueryError(
    'Failed query: insert into "users" ("email", "password_hash", "phone") values ($1, $2, $3)\n' +
      'params: ivanova@example.com,$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA,+79165551234',
    { cause: driverError },
  );
}

describe('the server log', () => {
  it('replaces personal data and secrets by name, at the top level and one level down', () => {
    const { logger, lines, parsed } = capture();
    logger.info(
      {
        email: 'ivanova@example.com',
        login: '50010001',
        user: { fullName: 'Иванова Мария Петровна', passwordHash: '$argon2id$secret', phone: '+79165551234' },
        accountCount: 2,
      },
      'something happened',
    );
    expect(lines.join('')).not.toMatch(/ivanova|50010001|Иванова|argon2id|79165551234/);
    expect(parsed()[0]).toMatchObject({
      msg: 'something happened',
      email: '[redacted]',
      login: '[redacted]',
      user: { fullName: '[redacted]', passwordHash: '[redacted]', phone: '[redacted]' },
      accountCount: 2,
    });
  });

  it('logs a failed query by its class and SQLSTATE, never its statement or parameters', () => {
    const error = failedInsert();
    expect(describeError(error)).toEqual({ type: 'DrizzleQueryError', code: '23505', constraint: 'users_email_key' });

    const { logger, lines, parsed } = capture();
    logger.error({ error: describeError(error) }, 'action.failed');
    // Passed raw by mistake, under either name, the error is still reduced to the same description.
    logger.error({ err: error }, 'action.failed');
    logger.error(error);
    const out = lines.join('');
    expect(out).not.toMatch(/ivanova|argon2id|79165551234|insert into|params/);
    expect(parsed().map((l) => l.error ?? l.err)).toEqual([
      { type: 'DrizzleQueryError', code: '23505', constraint: 'users_email_key' },
      { type: 'DrizzleQueryError', code: '23505', constraint: 'users_email_key' },
      { type: 'DrizzleQueryError', code: '23505', constraint: 'users_email_key' },
    ]);
  });

  it('describes errors without a code by their class alone', () => {
    expect(describeError(new TypeError('cannot read ivanova@example.com'))).toEqual({ type: 'TypeError' });
    expect(describeError('a string')).toEqual({ type: 'string' });
    expect(describeError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toEqual({
      type: 'Error',
      code: 'ECONNREFUSED',
    });
  });
});
