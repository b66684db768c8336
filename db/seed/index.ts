// The demo data: a utility, its tariffs and public content, a company and a handful of
// households with a year of readings, bills and payments.
//
// Idempotent by construction: everything is written in ONE transaction whose first write
// claims the utility_profile row (id 1) with `on conflict do nothing`. If the row already
// exists the seed returns `{ alreadySeeded: true }` and writes nothing else; if anything
// fails, the transaction rolls back entirely. So a database holds either the whole seed or
// none of it, never half — and running the seed again changes nothing. (A concurrent second
// seed blocks on the profile's primary key until the first commits, then backs off.)
// The ledger is append-only: the seed only ever inserts into it.
import { seedAppeals } from './appeals';
import { count } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { accounts, bills, meters, payments, readings, users } from '../schema';
import { hashPassword } from '../../lib/auth/password';
import { seedAccounts } from './accounts';
import { seedBenefits } from './benefits';
import { seedCalendar } from './calendar';
import { seedConnectionRates } from './connection';
import { seedContent } from './content';
import { seedServiceRequests } from './services';
import { DEMO_PASSWORD } from './demo-logins';
import { seedTariffs } from './tariffs';
import { claimUtilityProfile, seedContacts } from './utility';

export interface SeedSummary {
  alreadySeeded: boolean;
  accounts: number;
  users: number;
  meters: number;
  readings: number;
  bills: number;
  payments: number;
}

async function countRows(tx: Tx): Promise<Omit<SeedSummary, 'alreadySeeded'>> {
  const total = async (
    table: typeof accounts | typeof users | typeof meters | typeof readings | typeof bills | typeof payments,
  ) => {
    const [row] = await tx.select({ n: count() }).from(table);
    return row?.n ?? 0;
  };
  return {
    accounts: await total(accounts),
    users: await total(users),
    meters: await total(meters),
    readings: await total(readings),
    bills: await total(bills),
    payments: await total(payments),
  };
}

/**
 * Loads the demo data unless it is there. `now` anchors everything relative (billing periods:
 * the 12 months before the current Moscow month; outages around today).
 */
export async function seedDemoData(db: Db, now = new Date()): Promise<SeedSummary> {
  return db.transaction(async (tx) => {
    if (!(await claimUtilityProfile(tx))) {
      return { alreadySeeded: true, ...(await countRows(tx)) };
    }
    // One hash for every demo user (argon2id is deliberately slow).
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await seedContacts(tx);
    await seedTariffs(tx);
    await seedContent(tx, now);
    const counts = await seedAccounts(tx, { calendar: seedCalendar(now), passwordHash });
    await seedServiceRequests(tx, now);
    await seedBenefits(tx, now);
    await seedConnectionRates(tx);
    await seedAppeals(tx, now);
    return { alreadySeeded: false, ...counts };
  });
}
