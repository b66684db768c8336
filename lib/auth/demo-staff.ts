import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { staffTotp, users } from '@/db/schema';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoStaffEmails } from '@/db/seed/demo-logins';
import { verifyPassword } from './password';
import { open } from './secret-box';
import { installFactor } from './staff-factor';

/**
 * The demo's staff sign in with a published password and a published TOTP key. The key is sealed
 * under this server's AUTH_SECRET, so it is installed at start (not by the seed, which may run
 * with another secret) — and only for demo staff who still have the published password: an
 * account whose password was changed keeps whatever factor its owner enrolled.
 */
export async function ensureDemoStaffFactors(database: Db, now = new Date()): Promise<number> {
  const staff = await database
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(inArray(users.email, [...demoStaffEmails]));
  if (!staff.length) return 0;
  const factors = await database
    .select()
    .from(staffTotp)
    .where(
      inArray(
        staffTotp.userId,
        staff.map((s) => s.id),
      ),
    );
  let installed = 0;
  for (const member of staff) {
    const factor = factors.find((f) => f.userId === member.id);
    if (factor?.confirmedAt && open('staff-totp', factor.secretSealed)) continue;
    if (!(await verifyPassword(member.passwordHash, DEMO_PASSWORD))) continue;
    await database.transaction((tx) => installFactor(tx, member.id, DEMO_TOTP_SECRET, now));
    installed++;
  }
  return installed;
}
