// Rows the integration tests need, built with defaults a test overrides only where the case
// depends on them. Every factory writes through the same tables and constraints the app uses, so a
// test that builds an impossible row fails here, not later in a confusing assertion.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  accounts,
  appealMessages,
  appeals,
  accountUsers,
  bills,
  companies,
  connectionRates,
  consumptionVolumes,
  ledgerEntries,
  meters,
  payments,
  readings,
  refunds,
  serviceCatalog,
  users,
  utilityProfile,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { startBillingRun } from '@/lib/billing/run';
import { shiftPeriod } from '@/lib/readings/window';
import type { SessionUser } from '@/lib/auth/session';
import { type TariffZone, zonesForPlan } from '@/lib/tariffs/zones';

let sequence = 0;
/** Unique within the test process; test files each have their own database, so this is enough. */
const nextNumber = () => ++sequence;

type AccountRow = typeof accounts.$inferInsert;
type UserRow = typeof users.$inferInsert;
type PaymentRow = typeof payments.$inferInsert;

/** Register values by zone, e.g. `{ all_day: 1200 }` or `{ day: 800, night: 300 }`. */
type Registers = Partial<Record<TariffZone, number>>;

/**
 * The utility's one profile row (letters, receipts and the reading window read it), with invented
 * requisites in valid formats.
 */
export async function createUtilityProfile(
  db: Db,
  overrides: Partial<typeof utilityProfile.$inferInsert> = {},
): Promise<typeof utilityProfile.$inferSelect> {
  const [row] = await db
    .insert(utilityProfile)
    .values({
      fullName: 'МУП «Тестовые электросети»',
      shortName: 'Тестовые электросети',
      inn: '5017012349',
      kpp: '501701001',
      ogrn: '1025001801230',
      legalAddress: '143500, Московская область, г. Истра, ул. Тестовая, д. 1',
      email: 'utility@example.test',
      mainPhone: '8-498-000-00-00',
      emergencyPhone: '8-995-00-00',
      bankName: 'ПАО Тестбанк',
      bik: '044525225',
      correspondentAccount: '30101810400000000225',
      settlementAccount: '40702810640000012345',
      ...overrides,
    })
    .returning();
  return row!;
}

/** A household account in the registry (no meter, nobody registered), with a valid contract. */
export async function createAccount(
  db: Db,
  overrides: Partial<AccountRow> = {},
): Promise<typeof accounts.$inferSelect> {
  const n = nextNumber();
  const number = overrides.number ?? String(59_000_000 + n);
  const [row] = await db
    .insert(accounts)
    .values({
      kind: 'household',
      holderName: `Тестов Тест ${n}`,
      settlement: 'г. Истра',
      street: 'ул. Тестовая',
      house: String(n),
      flat: '1',
      tariffCategory: 'urban',
      contractNumber: `ЭС-${number}`,
      contractStart: '2020-01-01',
      ...overrides,
      number,
    })
    .returning();
  return row!;
}

/**
 * ГИС ЖКХ identifiers in their shapes (lib/validation/gis-ids.ts), unique within the test process:
 * the ЕЛС, its ИЖКУ (service 01) and an ИПД of a bill of that ЕЛС.
 */
export function gisIds(): { els: string; izhku: string; ipd: (serial?: number) => string } {
  const els = `77ТС${String(nextNumber()).padStart(6, '0')}`;
  return { els, izhku: `${els}-01`, ipd: (serial = 1) => `${els}-01-${String(serial).padStart(4, '0')}` };
}

/**
 * A bill issued to the account and its charge in the ledger, as the billing run writes them (no
 * lines), on the 1st of the month after its period. Unique receipt number unless given.
 */
export async function createBill(
  db: Db,
  accountId: string,
  overrides: Partial<typeof bills.$inferInsert> & { period: string },
): Promise<typeof bills.$inferSelect> {
  const amountKopecks = overrides.amountKopecks ?? 150_000;
  // Issued on the 1st of the next month, as the billing run does (a test's `now` comes after it).
  const [year, month] = overrides.period.split('-').map(Number) as [number, number];
  const issuedAt = new Date(Date.UTC(year, month, 1, 6));
  const [bill] = await db
    .insert(bills)
    .values({
      accountId,
      receiptNumber: `T-${nextNumber()}`,
      amountKopecks,
      dueDate: `${overrides.period.slice(0, 8)}28`,
      issuedAt,
      ...overrides,
    })
    .returning();
  await db.insert(ledgerEntries).values({
    accountId,
    kind: 'charge',
    amountKopecks,
    billId: bill!.id,
    description: `Начисление за ${overrides.period.slice(0, 7)}`,
    postedAt: bill!.issuedAt,
  });
  return bill!;
}

/** An active meter on an account; its serial number is unique unless given. */
export async function createMeter(
  db: Db,
  accountId: string,
  overrides: Partial<typeof meters.$inferInsert> = {},
): Promise<{ id: string }> {
  const [row] = await db
    .insert(meters)
    .values({
      accountId,
      serialNumber: `T-${nextNumber()}`,
      zonePlan: 1,
      status: 'active',
      installedAt: '2026-01-10',
      ...overrides,
    })
    .returning({ id: meters.id });
  return row!;
}

/**
 * Accepted readings of one meter, one entry per period. The first period is the meter's initial
 * reading unless `firstIsInitial` is false; the rest are the subscriber's (`submittedBy` the user who
 * sent them, none when they came without a cabinet).
 */
export async function addReadings(
  db: Db,
  meterId: string,
  registers: [period: string, values: Registers][],
  { firstIsInitial = true, submittedBy }: { firstIsInitial?: boolean; submittedBy?: string } = {},
): Promise<void> {
  const rows = registers.flatMap(([period, values], i) =>
    Object.entries(values).map(([zone, value]) => ({
      meterId,
      period,
      zone: zone as TariffZone,
      value: value!,
      source: i === 0 && firstIsInitial ? ('initial' as const) : ('subscriber' as const),
      submittedBy: i === 0 && firstIsInitial ? undefined : submittedBy,
    })),
  );
  if (rows.length > 0) await db.insert(readings).values(rows);
}

/**
 * Volumes a billing run put on a meter, per period and zone: `reading` ones feed the average the
 * plausibility check compares with, `average` and `norm` ones are months billed without a reading.
 */
export async function addVolumes(
  db: Db,
  meterId: string,
  method: (typeof consumptionVolumes.$inferInsert)['method'],
  volumes: [period: string, kwh: Registers][],
): Promise<void> {
  const rows = volumes.flatMap(([period, values]) =>
    Object.entries(values).map(([zone, kwh]) => ({ meterId, period, zone: zone as TariffZone, kwh: kwh!, method })),
  );
  if (rows.length > 0) await db.insert(consumptionVolumes).values(rows);
}

/** The usual household: an account with one meter and its readings. */
export async function createMeteredAccount(
  db: Db,
  {
    account = {},
    meter = {},
    registers = [],
  }: {
    account?: Partial<AccountRow>;
    meter?: Partial<typeof meters.$inferInsert>;
    registers?: [period: string, values: Registers][];
  } = {},
): Promise<{ accountId: string; number: string; meterId: string }> {
  const zones = zonesForPlan(meter.zonePlan ?? 1);
  const stray = registers.flatMap(([, values]) => Object.keys(values)).find((z) => !zones.includes(z as TariffZone));
  if (stray) throw new Error(`a meter of zone plan ${meter.zonePlan ?? 1} has no register «${stray}»`);
  const created = await createAccount(db, account);
  const { id: meterId } = await createMeter(db, created.id, meter);
  await addReadings(db, meterId, registers);
  return { accountId: created.id, number: created.number, meterId };
}

/** The password of every user a test signs in with; give the user `testPasswordHash()`. */
export const TEST_PASSWORD = 'Proverka-vhoda-2026';

let testHash: Promise<string> | undefined;
/** The hash of `TEST_PASSWORD`, computed once per file (one argon2 hash is ~50–100 ms). */
export function testPasswordHash(): Promise<string> {
  testHash ??= hashPassword(TEST_PASSWORD);
  return testHash;
}

/** A user put straight into a state (the registration flow is tested elsewhere), with its hash. */
export async function insertUser(
  db: Db,
  values: Pick<UserRow, 'email' | 'passwordHash'> & Partial<UserRow>,
): Promise<typeof users.$inferSelect> {
  const [row] = await db
    .insert(users)
    .values({ fullName: 'Тестовый Пользователь', role: 'subscriber', status: 'active', ...values })
    .returning();
  return row!;
}

/**
 * An active user (staff by default) as the session readers return it. The password hash is a
 * placeholder: a test that logs in with a password gives `insertUser` a real hash.
 */
export async function createUser(db: Db, overrides: Partial<UserRow> = {}): Promise<SessionUser> {
  const n = nextNumber();
  const row = await insertUser(db, {
    email: `user${n}@example.test`,
    passwordHash: 'not-a-password-hash',
    fullName: `Пользователь ${n}`,
    role: 'operator',
    ...overrides,
  });
  return withoutPassword(row);
}

/** A household subscriber registered as the owner of the given account. */
export async function createSubscriber(
  db: Db,
  accountId: string,
  overrides: Partial<UserRow> = {},
): Promise<SessionUser> {
  const user = await createUser(db, { role: 'subscriber', ...overrides });
  await db.insert(accountUsers).values({ accountId, userId: user.id, isOwner: true });
  return user;
}

/** A household account (no meter) with its registered owner. */
export async function createHousehold(
  db: Db,
  { account = {}, user = {} }: { account?: Partial<AccountRow>; user?: Partial<UserRow> } = {},
): Promise<{ accountId: string; number: string; user: SessionUser }> {
  const created = await createAccount(db, account);
  return { accountId: created.id, number: created.number, user: await createSubscriber(db, created.id, user) };
}

/** A company with a unique ИНН of the valid shape, nobody in it yet. */
export async function createCompany(
  db: Db,
  overrides: Partial<typeof companies.$inferInsert> = {},
): Promise<{ id: string }> {
  const n = nextNumber();
  const [row] = await db
    .insert(companies)
    .values({
      name: `ООО «Тест ${n}»`,
      inn: String(5_000_000_000 + n),
      legalAddress: 'г. Истра, ул. Тестовая, 1',
      ...overrides,
    })
    .returning({ id: companies.id });
  return row!;
}

/** An active user of an existing company with the given company role. */
export async function createCompanyMember(
  db: Db,
  companyId: string,
  companyRole: NonNullable<UserRow['companyRole']>,
  overrides: Partial<UserRow> = {},
): Promise<SessionUser> {
  return createUser(db, { ...overrides, role: 'company_user', companyId, companyRole });
}

/** A company (a valid, unique ИНН) with one user of the given company role. */
export async function createCompanyUser(
  db: Db,
  {
    companyRole = 'owner',
    company = {},
    user = {},
  }: {
    companyRole?: NonNullable<UserRow['companyRole']>;
    company?: Partial<typeof companies.$inferInsert>;
    user?: Partial<UserRow>;
  } = {},
): Promise<{ companyId: string; user: SessionUser }> {
  const { id: companyId } = await createCompany(db, company);
  return { companyId, user: await createCompanyMember(db, companyId, companyRole, user) };
}

/** An existing user as `currentUser()` would return it (no password hash), by e-mail. */
export async function sessionUser(db: Db, email: string): Promise<SessionUser> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (!row) throw new Error(`no user ${email} in the test database`);
  return withoutPassword(row);
}

/**
 * A payment the gateway has confirmed, credited to the account's ledger as the notification
 * handler credits it: the payment row and its one ledger entry.
 */
export async function createPaidPayment(
  db: Db,
  accountId: string,
  kopecks: number,
  paidAt: Date,
  overrides: Partial<PaymentRow> = {},
): Promise<typeof payments.$inferSelect> {
  const [payment] = await db
    .insert(payments)
    .values({
      accountId,
      amountKopecks: kopecks,
      status: 'paid',
      gateway: 'sandbox',
      description: 'Оплата электроэнергии',
      paidAt,
      ...overrides,
    })
    .returning();
  await db.insert(ledgerEntries).values({
    accountId,
    kind: 'payment',
    amountKopecks: -kopecks,
    paymentId: payment!.id,
    description: `Оплата картой, платёж № ${payment!.invId}`,
    postedAt: paidAt,
  });
  return payment!;
}

/** A payment the gateway has not confirmed (pending) or has refused (failed, cancelled): no ledger entry. */
export async function createUnpaidPayment(
  db: Db,
  accountId: string,
  kopecks: number,
  createdAt: Date,
  status: 'pending' | 'failed' | 'cancelled' = 'pending',
): Promise<{ id: string }> {
  const [payment] = await db
    .insert(payments)
    .values({
      accountId,
      amountKopecks: kopecks,
      status,
      gateway: 'sandbox',
      description: 'Оплата электроэнергии',
      createdAt,
    })
    .returning({ id: payments.id });
  return payment!;
}

/** A credited payment given back whole by the gateway: the refund and its ledger entry, as lib/payments/refund.ts writes them. */
export async function createRefundedPayment(
  db: Db,
  accountId: string,
  kopecks: number,
  paidAt: Date,
  refundedAt: Date,
): Promise<{ id: string }> {
  const payment = await createPaidPayment(db, accountId, kopecks, paidAt, { createdAt: paidAt });
  const [refund] = await db
    .insert(refunds)
    .values({
      paymentId: payment.id,
      amountKopecks: kopecks,
      status: 'succeeded',
      reason: 'Ошибочный платёж',
      completedAt: refundedAt,
    })
    .returning({ id: refunds.id });
  await db
    .update(payments)
    .set({ status: 'refunded' })
    .where(sql`${payments.id} = ${payment.id}`);
  await db.insert(ledgerEntries).values({
    accountId,
    kind: 'refund',
    amountKopecks: kopecks,
    refundId: refund!.id,
    description: 'Возврат платежа',
    postedAt: refundedAt,
  });
  return payment;
}

function withoutPassword(row: typeof users.$inferSelect): SessionUser {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { passwordHash: _hash, ...user } = row;
  return user;
}

/** A paid service in the catalogue; a fixed price unless `priceIsFrom` (the price follows an inspection). */
export async function createService(
  db: Db,
  overrides: Partial<typeof serviceCatalog.$inferInsert> = {},
): Promise<typeof serviceCatalog.$inferSelect> {
  const n = nextNumber();
  const [row] = await db
    .insert(serviceCatalog)
    .values({
      code: `TEST-${n}`,
      category: 'Электромонтажные работы',
      title: `Тестовая услуга ${n}`,
      unit: 'шт.',
      priceKopecks: 450_00,
      ...overrides,
    })
    .returning();
  return row!;
}

/** The connection fee per kW from 2025 for both applicant categories (the preferential one for households up to 15 kW). */
export async function createConnectionRates(
  db: Db,
  { preferential = 5_000_00, standard = 15_000_00 }: { preferential?: number; standard?: number } = {},
): Promise<void> {
  await db.insert(connectionRates).values([
    {
      category: 'household_preferential',
      kopecksPerKw: preferential,
      effectiveFrom: '2025-01-01',
      basis: 'Тестовая льготная ставка',
    },
    {
      category: 'standard',
      kopecksPerKw: standard,
      effectiveFrom: '2025-01-01',
      basis: 'Тестовая стандартизированная ставка',
    },
  ]);
}

/**
 * Bills `period` for every account as the run on the 3rd of the next month does (its reading window
 * closed). Runs on the global database: the test file calls `useAsGlobalDb` first.
 */
export async function billPeriod(period: string): Promise<void> {
  const next = shiftPeriod(period, 1);
  const result = await startBillingRun({ period, startedBy: null, now: new Date(`${next.slice(0, 8)}03T09:00:00Z`) });
  if (!result.ok) throw new Error(`billing ${period}: ${result.message}`);
}

/** A bill of an account's period as the billing run wrote it. */
export async function billOf(db: Db, accountId: string, period: string): Promise<typeof bills.$inferSelect> {
  const [row] = await db
    .select()
    .from(bills)
    .where(sql`${bills.accountId} = ${accountId} and ${bills.period} = ${period}`);
  if (!row) throw new Error(`no bill of ${period} for ${accountId}`);
  return row;
}

/** A company's metering point: its zones and what it uses a month in each. */
interface CompanyPoint {
  zonePlan: 1 | 2 | 3;
  monthlyKwh: Registers;
  /** The account's number when the test names it. */
  number?: string;
}

export const COMPANY_POINTS: CompanyPoint[] = [
  { zonePlan: 3, monthlyKwh: { peak: 500, half_peak: 1000, night: 400 } },
  { zonePlan: 1, monthlyKwh: { all_day: 1800 } },
  { zonePlan: 1, monthlyKwh: { all_day: 900 } },
];

/**
 * A company (its owner signed up) with metering points under contracts `ЮЛ-2021/014-1…`, a reading
 * every month of `periods`, billed by the billing run and paid on each bill's due day except the
 * bills named in `unpaid` (point index and period). Tariffs must be in place; runs billing on the
 * global database (`useAsGlobalDb`).
 */
export async function createBilledCompany(
  db: Db,
  {
    company = {},
    user = {},
    points = COMPANY_POINTS,
    periods,
    unpaid = [],
  }: {
    company?: Partial<typeof companies.$inferInsert>;
    /** The owner's row (e-mail, name) where the test needs it. */
    user?: Partial<UserRow>;
    points?: CompanyPoint[];
    periods: string[];
    unpaid?: [point: number, period: string][];
  },
): Promise<{ companyId: string; owner: SessionUser; accounts: { accountId: string; number: string }[] }> {
  const { companyId, user: owner } = await createCompanyUser(db, { company, user });
  const name = company.name ?? 'ООО «Тест»';
  const created = [];
  for (const [i, point] of points.entries()) {
    const reading = (months: number) =>
      Object.fromEntries(Object.entries(point.monthlyKwh).map(([zone, kwh]) => [zone, 10_000 + kwh! * months]));
    created.push(
      await createMeteredAccount(db, {
        account: {
          ...(point.number ? { number: point.number } : {}),
          kind: 'company',
          companyId,
          holderName: name,
          residents: 0,
          contractNumber: `ЮЛ-2021/014-${i + 1}`,
          contractStart: '2021-01-01',
          contractEnd: '2027-12-31',
        },
        meter: { zonePlan: point.zonePlan, installedAt: '2020-12-15' },
        registers: [shiftPeriod(periods[0]!, -1), ...periods].map((period, k) => [period, reading(k)]),
      }),
    );
  }
  for (const period of periods) await billPeriod(period);
  for (const [i, point] of created.entries()) {
    for (const period of periods) {
      if (unpaid.some(([p, q]) => p === i && q === period)) continue;
      const bill = await billOf(db, point.accountId, period);
      await createPaidPayment(db, point.accountId, bill.amountKopecks, new Date(`${bill.dueDate}T06:00:00Z`));
    }
  }
  return { companyId, owner, accounts: created.map(({ accountId, number }) => ({ accountId, number })) };
}

/**
 * A meter's readings a month apart, `from` to `to` both included: each register starts at `start`
 * and grows by its `use` a month, plus `jitter` × (month index mod 3) so that months differ a little.
 */
export function monthlyReadings({
  from,
  to,
  start,
  use,
  jitter = 0,
}: {
  from: string;
  to: string;
  start: Registers;
  use: Registers;
  jitter?: number;
}): [period: string, values: Registers][] {
  const rows: [string, Registers][] = [];
  for (let k = 0, period = from; period <= to; k++, period = shiftPeriod(period, 1)) {
    const values = Object.entries(start).map(([zone, v]) => [
      zone,
      v! + use[zone as TariffZone]! * k + (k % 3) * jitter,
    ]);
    rows.push([period, Object.fromEntries(values) as Registers]);
  }
  return rows;
}

/**
 * An open appeal of a cabinet user put straight into the database with the deadline given (the
 * filing rules are tested through lib/support), and its first message.
 */
export async function createAppeal(
  db: Db,
  user: Pick<SessionUser, 'id' | 'companyId'>,
  overrides: Partial<typeof appeals.$inferInsert> = {},
): Promise<typeof appeals.$inferSelect> {
  const openedAt = overrides.openedAt ?? new Date();
  const [row] = await db
    .insert(appeals)
    .values({
      number: sql`'О-2026-' || lpad(nextval('appeal_number_seq')::text, 6, '0')`,
      topic: 'other',
      status: 'open',
      userId: user.id,
      companyId: user.companyId ?? null,
      openedAt,
      dueOn: '2026-12-31',
      createdAt: openedAt,
      ...overrides,
    })
    .returning();
  await db
    .insert(appealMessages)
    .values({ appealId: row!.id, author: 'appellant', authorUserId: user.id, body: 'Прошу разобраться.' });
  return row!;
}
