import { eq, sql } from 'drizzle-orm';
import { ledgerEntries } from '@/db/schema';
import { afterAll, beforeAll } from 'vitest';
import { overrideEnv } from '@/lib/config/env';
import { createHousehold, createUtilityProfile } from './factories';
import type { TestDatabase } from './test-db';

// The payer of the gateway tests: a household with its account, and the account's balance.

async function createPayer(t: TestDatabase): Promise<{ accountId: string; userId: string }> {
  await createUtilityProfile(t.db);
  const { accountId, user } = await createHousehold(t.db);
  return { accountId, userId: user.id };
}

async function ledgerBalance(t: TestDatabase, accountId: string): Promise<number> {
  const [row] = await t.db
    .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  return row!.sum;
}

/**
 * A file's payer for one gateway: `gatewayEnv` configures it (with demo mode and our address) for
 * the file's tests, and the payer is ready in `payer` by the time they run.
 */
export function gatewayPayer(t: TestDatabase, gatewayEnv: Record<string, string>) {
  const payer = { accountId: '', userId: '' };
  let restore = () => {};
  beforeAll(async () => {
    restore = overrideEnv({
      DEMO: '1',
      AUTH_SECRET: 'vitest-only-secret-vitest-only-secret-vitest',
      APP_URL: 'https://lk.example.ru',
      ...gatewayEnv,
    });
    Object.assign(payer, await createPayer(t));
  });
  afterAll(() => restore());
  return { payer, balance: () => ledgerBalance(t, payer.accountId) };
}
