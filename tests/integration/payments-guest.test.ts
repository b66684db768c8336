import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payments } from '@/db/schema';
import {
  GUEST_LOOKUPS_PER_IP,
  GUEST_LOOKUPS_PER_NUMBER,
  guestLookupMessages,
  lookupGuestPayee,
  readTicket,
} from '@/lib/payments/guest';
import { createAccount } from '../support/factories';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';

// The guest form shows a masked payee, signs what it showed, and cannot be
// used to walk the registry.

process.env.AUTH_SECRET ??= 'integration-only-secret-integration-only';

let t: TestDatabase;
let restore: () => void;
const now = new Date('2026-11-20T09:00:00Z');
/** The payee shown masked; the other two are payees nobody looks at closely. */
let kuznetsov: string;
let busy: string;
let closing: string;

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  kuznetsov = (
    await createAccount(t.db, {
      holderName: 'Кузнецов Дмитрий Андреевич',
      street: 'ул. Ленина',
      house: '5',
      flat: '12',
    })
  ).number;
  busy = (await createAccount(t.db)).number;
  closing = (await createAccount(t.db)).number;
});

afterAll(async () => {
  restore();
  await t.drop();
});

describe('guest payee lookup', () => {
  it('shows the holder and street masked, no house, and signs the payee and amount it showed', async () => {
    const result = await lookupGuestPayee(
      { accountNumber: kuznetsov, amountKopecks: 125_050, email: 'guest@example.com' },
      { ip: '198.51.100.1', now },
    );
    expect(result).toMatchObject({
      ok: true,
      payee: {
        holder: 'К***в Д. А.',
        address: 'г. Истра, ул. Л***',
        accountNumber: kuznetsov,
        amountKopecks: 125_050,
      },
    });
    if (!result.ok) throw new Error('expected a payee');
    expect(JSON.stringify(result)).not.toMatch(/Кузнецов|Ленина|Дмитрий|д\. 5/);
    const body = readTicket(result.payee.ticket, now);
    expect(body).toMatchObject({ amountKopecks: 125_050, email: 'guest@example.com' });
  });

  it('a ticket with a changed amount or account, or an expired one, is refused', async () => {
    const result = await lookupGuestPayee(
      { accountNumber: kuznetsov, amountKopecks: 10_000 },
      { ip: '198.51.100.2', now },
    );
    if (!result.ok) throw new Error('expected a payee');
    const [encoded, signature] = result.payee.ticket.split('.');
    const body = JSON.parse(Buffer.from(encoded!, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...body, amountKopecks: 1 })).toString('base64url');
    expect(readTicket(`${forged}.${signature}`, now)).toBeNull();
    expect(readTicket(`${encoded}.${signature}x`, now)).toBeNull();
    expect(readTicket('garbage', now)).toBeNull();
    expect(readTicket(result.payee.ticket, new Date(now.getTime() + 31 * 60 * 1000))).toBeNull();
  });

  it('an unknown number gets the same advice as a typo, and writes no payment', async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(payments);
    const result = await lookupGuestPayee(
      { accountNumber: '50019999', amountKopecks: 10_000 },
      { ip: '198.51.100.3', now },
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { accountNumber: expect.stringContaining('Лицевой счёт не найден') },
    });
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(payments);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('one address gets a limited number of lookups, found or not, then a pause for everyone it asks about', async () => {
    const ip = '198.51.100.77';
    const answers = [];
    for (let i = 0; i < GUEST_LOOKUPS_PER_IP.limit; i++) {
      const number = `5001${String(9000 + i)}`;
      answers.push(await lookupGuestPayee({ accountNumber: number, amountKopecks: 10_000 }, { ip, now }));
    }
    expect(answers.every((a) => !a.ok && a.message.startsWith('Лицевой счёт не найден'))).toBe(true);
    const blocked = await lookupGuestPayee({ accountNumber: kuznetsov, amountKopecks: 10_000 }, { ip, now });
    expect(blocked).toMatchObject({ ok: false, message: expect.stringContaining('Слишком много запросов') });
    // Another address is not affected.
    const other = await lookupGuestPayee(
      { accountNumber: kuznetsov, amountKopecks: 10_000 },
      { ip: '198.51.100.78', now },
    );
    expect(other.ok).toBe(true);
  });

  it('one number gets a limited number of lookups from all addresses together, then a pause', async () => {
    const probe = (i: number) =>
      lookupGuestPayee({ accountNumber: busy, amountKopecks: 10_000 }, { ip: `203.0.113.${i + 1}`, now });
    for (let i = 0; i < GUEST_LOOKUPS_PER_NUMBER.limit; i++) expect((await probe(i)).ok).toBe(true);
    const blocked = await probe(GUEST_LOOKUPS_PER_NUMBER.limit);
    expect(blocked).toStrictEqual({ ok: false, message: guestLookupMessages.tooManyForNumber, fieldErrors: {} });
    // An unknown number hits the same pause with the same words: the pause tells nothing about the registry.
    for (let i = 0; i < GUEST_LOOKUPS_PER_NUMBER.limit; i++)
      await lookupGuestPayee({ accountNumber: '50018888', amountKopecks: 10_000 }, { ip: `203.0.114.${i + 1}`, now });
    expect(
      await lookupGuestPayee({ accountNumber: '50018888', amountKopecks: 10_000 }, { ip: '203.0.115.1', now }),
    ).toStrictEqual(blocked);
    // Other numbers are not affected.
    expect(
      (await lookupGuestPayee({ accountNumber: kuznetsov, amountKopecks: 10_000 }, { ip: '203.0.115.2', now })).ok,
    ).toBe(true);
  });

  it('an account closed in the registry is not offered as a payee', async () => {
    await t.db.execute(sql`update accounts set status = 'closed' where number = ${closing}`);
    const result = await lookupGuestPayee(
      { accountNumber: closing, amountKopecks: 10_000 },
      { ip: '198.51.100.4', now },
    );
    expect(result.ok).toBe(false);
    await t.db.execute(sql`update accounts set status = 'active' where number = ${closing}`);
  });
});
