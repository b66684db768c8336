// Rows the integration tests need, built with defaults a test overrides only where the case
// depends on them. Every factory writes through the same tables and constraints the app uses, so a
// test that builds an impossible row fails here, not later in a confusing assertion.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, accountUsers, companies, ledgerEntries, meters, payments, readings, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import type { TariffZone } from '@/lib/tariffs/zones';

let sequence = 0;
/** Unique within the test process; test files each have their own database, so this is enough. */
const nextNumber = () => ++sequence;

type AccountRow = typeof accounts.$inferInsert;
type UserRow = typeof users.$inferInsert;
type PaymentRow = typeof payments.$inferInsert;

/** Register values by zone, e.g. `{ all_day: 1200 }` or `{ day: 800, night: 300 }`. */
type Registers = Partial<Record<TariffZone, number>>;

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

/** An active meter on an account; its serial number is unique unless given. */
async function createMeter(
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
 * reading unless `firstIsInitial` is false; the rest are the subscriber's.
 */
export async function addReadings(
  db: Db,
  meterId: string,
  registers: [period: string, values: Registers][],
  { firstIsInitial = true }: { firstIsInitial?: boolean } = {},
): Promise<void> {
  const rows = registers.flatMap(([period, values], i) =>
    Object.entries(values).map(([zone, value]) => ({
      meterId,
      period,
      zone: zone as TariffZone,
      value: value!,
      source: i === 0 && firstIsInitial ? ('initial' as const) : ('subscriber' as const),
    })),
  );
  if (rows.length > 0) await db.insert(readings).values(rows);
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
  const created = await createAccount(db, account);
  const { id: meterId } = await createMeter(db, created.id, meter);
  await addReadings(db, meterId, registers);
  return { accountId: created.id, number: created.number, meterId };
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

/** A company (a valid, unique ИНН) with one user of the given company role. */
export async function createCompanyUser(
  db: Db,
  {
    companyRole = 'owner',
    company = {},
    user = {},
  }: {
    companyRole?: UserRow['companyRole'];
    company?: Partial<typeof companies.$inferInsert>;
    user?: Partial<UserRow>;
  } = {},
): Promise<{ companyId: string; user: SessionUser }> {
  const n = nextNumber();
  const [row] = await db
    .insert(companies)
    .values({
      name: `ООО «Тест ${n}»`,
      inn: String(5_000_000_000 + n),
      legalAddress: 'г. Истра, ул. Тестовая, 1',
      ...company,
    })
    .returning({ id: companies.id });
  const member = await createUser(db, { ...user, role: 'company_user', companyId: row!.id, companyRole });
  return { companyId: row!.id, user: member };
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
): Promise<{ id: string }> {
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
    .returning({ id: payments.id });
  await db.insert(ledgerEntries).values({
    accountId,
    kind: 'payment',
    amountKopecks: -kopecks,
    paymentId: payment!.id,
    description: 'Оплата электроэнергии',
    postedAt: paidAt,
  });
  return payment!;
}

function withoutPassword(row: typeof users.$inferSelect): SessionUser {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { passwordHash: _hash, ...user } = row;
  return user;
}
