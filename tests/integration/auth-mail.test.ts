// Account letters are queued inside the caller's transaction (lib/email/queue-letter.ts). Regression test:
// an earlier queueLetter read the utility profile through the global db() while the
// transaction was open, which on PGlite (one connection) waited for the transaction forever.
// A light setup (no demo seed): the utility profile and a few users.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { claimUtilityProfile } from '@/db/seed/utility';
import { requestPasswordReset } from '@/lib/auth/recovery';
import { createTestDatabase, useAsGlobalDb, type TestDatabase } from '../support/test-db';
import { ctx, freshIp, outboxFor } from '../support/auth-fixtures';
import { insertUser } from '../support/factories';

vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

let t: TestDatabase;
let restore: () => void;
const emails = Array.from({ length: 8 }, (_, i) => `mail.user${i}@example.ru`);

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await t.db.transaction((tx) => claimUtilityProfile(tx));
  for (const email of emails) await insertUser(t.db, { email, passwordHash: 'not-a-real-hash' });
});
afterAll(async () => {
  restore?.();
  // Should the bug come back, the stuck transaction would keep an embedded database locked and
  // closing it would wait forever as well.
  await Promise.race([t?.drop(), new Promise((resolve) => setTimeout(resolve, 2_000))]);
});

function settles(promise: Promise<unknown>, ms = 5_000): Promise<string> {
  return Promise.race([
    promise.then(() => 'settled'),
    new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), ms)),
  ]);
}

it('queues a letter from inside a transaction without waiting on itself, with the utility name', async () => {
  expect(await settles(requestPasswordReset(emails[0]!, ctx(freshIp(150))))).toBe('settled');
  const letters = await outboxFor(t.db, emails[0]!);
  expect(letters.map((l) => l.template)).toEqual(['password_reset']);
  expect(letters[0]!.text).toContain('Истринские электросети');
});

it('copes with more simultaneous letter-queueing transactions than the pool has connections', async () => {
  const rest = emails.slice(1);
  expect(await settles(Promise.all(rest.map((email) => requestPasswordReset(email, ctx(freshIp(150))))), 10_000)).toBe(
    'settled',
  );
  for (const email of rest) expect((await outboxFor(t.db, email)).map((l) => l.template)).toEqual(['password_reset']);
});
