import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { accounts, ledgerEntries, payments, readings, tariffs, users, utilityProfile } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { createTestDatabase, dbErrorOf, type TestDatabase } from '../support/test-db';
import { createMeteredAccount, createUser, createUtilityProfile } from '../support/factories';

let t: TestDatabase;
let db: Db;
/** Two household accounts with a meter each, the utility profile and a user with a known e-mail. */
let first: { accountId: string; number: string; meterId: string };
let second: { accountId: string; number: string; meterId: string };

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await createUtilityProfile(db);
  first = await createMeteredAccount(db);
  second = await createMeteredAccount(db);
  await createUser(db, { role: 'subscriber', email: 'ivanova@example.com' });
});
afterAll(async () => t?.drop());

async function refused(promise: Promise<unknown>, expected: { code: string; constraint?: string }) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the database accepted what it must refuse').not.toBeNull();
  const pg = dbErrorOf(error);
  expect(pg.code).toBe(expected.code);
  if (expected.constraint) expect(pg.constraint).toBe(expected.constraint);
}

describe('migrations', () => {
  it('apply twice without changing anything', async () => {
    const [before] = await db.select({ n: count() }).from(accounts);
    await migrateDatabase(t.handle);
    const [row] = await db.select({ n: count() }).from(accounts);
    expect(row!.n).toBe(before!.n);
    expect(row!.n).toBe(2);
  });
});

describe('constraints that keep data honest', () => {
  it('account numbers are unique and well-formed', async () => {
    const base = {
      kind: 'household' as const,
      holderName: 'Тест',
      settlement: 'г. Истра',
      street: 'ул. Тестовая',
      house: '1',
      contractNumber: 'Т-1',
      contractStart: '2020-01-01',
    };
    await refused(db.insert(accounts).values({ ...base, number: first.number }), {
      code: '23505',
      constraint: 'accounts_number_key',
    });
    await refused(db.insert(accounts).values({ ...base, number: '12ab' }), {
      code: '23514',
      constraint: 'accounts_number_format',
    });
    await refused(db.insert(accounts).values({ ...base, number: '99990001', kind: 'company' }), {
      code: '23514',
      constraint: 'accounts_company_kind',
    });
  });

  it('one accepted reading per meter, period and zone; superseded ones may stay beside it', async () => {
    const row = {
      meterId: first.meterId,
      period: '2026-11-01',
      zone: 'all_day' as const,
      source: 'subscriber' as const,
    };
    await db.insert(readings).values({ ...row, value: 999_000 });
    await refused(db.insert(readings).values({ ...row, value: 999_001 }), {
      code: '23505',
      constraint: 'readings_one_accepted',
    });
    await db.insert(readings).values({ ...row, value: 999_002, status: 'superseded' });
    const [n] = await db
      .select({ n: count() })
      .from(readings)
      .where(sql`${readings.meterId} = ${first.meterId} and ${readings.period} = '2026-11-01'`);
    expect(n!.n).toBe(2);
  });

  it('readings are non-negative, per first day of a month, for an existing meter', async () => {
    const meter = { id: first.meterId };
    await refused(
      db
        .insert(readings)
        .values({ meterId: meter.id, period: '2027-01-01', zone: 'all_day', value: -1, source: 'staff' }),
      { code: '23514', constraint: 'readings_value_non_negative' },
    );
    await refused(
      db
        .insert(readings)
        .values({ meterId: meter.id, period: '2027-01-15', zone: 'all_day', value: 1, source: 'staff' }),
      { code: '23514', constraint: 'readings_period_first_day' },
    );
    await refused(
      db.insert(readings).values({
        meterId: '00000000-0000-0000-0000-000000000000',
        period: '2027-01-01',
        zone: 'all_day',
        value: 1,
        source: 'staff',
      }),
      { code: '23503' },
    );
  });

  it('a tariff zone must belong to its plan', async () => {
    await refused(
      db
        .insert(tariffs)
        .values({ category: 'urban', zonePlan: 1, zone: 'night', priceKopecks: 100, effectiveFrom: '2030-01-01' }),
      { code: '23514', constraint: 'tariffs_zone_matches_plan' },
    );
  });

  it('payments are positive and get a unique InvId from the database', async () => {
    const base = { accountId: first.accountId, gateway: 'sandbox', description: 'Тест' };
    await refused(db.insert(payments).values({ ...base, amountKopecks: 0 }), {
      code: '23514',
      constraint: 'payments_amount_positive',
    });
    const [a] = await db
      .insert(payments)
      .values({ ...base, amountKopecks: 100 })
      .returning();
    const [b] = await db
      .insert(payments)
      .values({ ...base, amountKopecks: 100 })
      .returning();
    expect(a!.invId).toBeGreaterThan(0);
    expect(b!.invId).not.toBe(a!.invId);
    expect(a!.status).toBe('pending');
  });

  it('the ledger credits a payment once, keeps signs, and is append-only', async () => {
    const account = second.accountId;
    const [payment] = await db
      .insert(payments)
      .values({ accountId: account, gateway: 'sandbox', description: 'Тест', amountKopecks: 5000 })
      .returning();
    await refused(
      db.insert(ledgerEntries).values({
        accountId: account,
        kind: 'payment',
        amountKopecks: 5000,
        paymentId: payment!.id,
        description: 'плюс',
      }),
      { code: '23514', constraint: 'ledger_entries_sign' },
    );
    await db.insert(ledgerEntries).values({
      accountId: account,
      kind: 'payment',
      amountKopecks: -5000,
      paymentId: payment!.id,
      description: 'оплата',
    });
    await refused(
      db.insert(ledgerEntries).values({
        accountId: account,
        kind: 'payment',
        amountKopecks: -5000,
        paymentId: payment!.id,
        description: 'ещё раз',
      }),
      { code: '23505', constraint: 'ledger_entries_one_credit_per_payment' },
    );
    await refused(db.update(ledgerEntries).set({ amountKopecks: -1 }).where(eq(ledgerEntries.paymentId, payment!.id)), {
      code: '23001',
    });
    await refused(db.delete(ledgerEntries).where(eq(ledgerEntries.paymentId, payment!.id)), { code: '23001' });
    const [n] = await db.select({ n: count() }).from(ledgerEntries).where(eq(ledgerEntries.paymentId, payment!.id));
    expect(n!.n).toBe(1);
  });

  it('e-mail addresses are unique whatever their case; the utility profile is one row', async () => {
    await refused(db.insert(users).values({ email: 'IVANOVA@example.com', passwordHash: 'x', fullName: 'Дубль' }), {
      code: '23505',
      constraint: 'users_email_key',
    });
    const [profile] = await db.select().from(utilityProfile);
    await refused(db.insert(utilityProfile).values({ ...profile!, id: 2 }), {
      code: '23514',
      constraint: 'utility_profile_single_row',
    });
  });
});

// The demo seed itself, on a database of its own.
describe('demo data', () => {
  let demo: TestDatabase;
  beforeAll(async () => {
    demo = await createTestDatabase();
    await seedDemoData(demo.db, new Date('2026-11-25T09:00:00Z'));
  });
  afterAll(async () => demo?.drop());

  it('is idempotent and leaves the promised balances', async () => {
    const db = demo.db;
    const accountId = async (number: string) =>
      (await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.number, number)))[0]!.id;
    const again = await seedDemoData(db);
    expect(again.alreadySeeded).toBe(true);
    const balance = async (number: string) => {
      const [row] = await db
        .select({ s: sql<string>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)` })
        .from(ledgerEntries)
        .where(eq(ledgerEntries.accountId, await accountId(number)));
      return Number(row!.s);
    };
    expect(await balance('50010001')).toBe(0);
    expect(await balance('50010002')).toBeGreaterThan(0);
  });
});
