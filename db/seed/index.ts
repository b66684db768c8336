import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { utilityProfile } from '../schema';
import { hashPassword } from '../../lib/auth/password';
import { periodOf } from '../../lib/format/dates';
import { seedAccounts } from './accounts';
import { seedContent } from './content';
import { DEMO_PASSWORD } from './demo-logins';
import { seedTariffs } from './tariffs';
import { seedUtility } from './utility';

export interface SeedSummary {
  alreadySeeded: boolean;
  accounts?: number;
  users?: number;
  meters?: number;
  readings?: number;
  bills?: number;
  payments?: number;
}

/**
 * Loads the demo data in ONE transaction, so a half-written seed cannot exist. Idempotent:
 * when the utility profile is already there, nothing is written.
 */
export async function seedDemoData(db: Db, now = new Date()): Promise<SeedSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: utilityProfile.id }).from(utilityProfile).where(eq(utilityProfile.id, 1)).for('update');
    if (existing) return { alreadySeeded: true };
    await seedUtility(tx);
    const tariffRows = await seedTariffs(tx);
    await seedContent(tx, now);
    const counts = await seedAccounts(tx, { passwordHash, currentPeriod: periodOf(now), tariffRows });
    return { alreadySeeded: false, ...counts };
  });
}
