import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users, utilityProfile } from '@/db/schema';

// A real deployment starts on an empty database: until `npm run setup` has written the utility's
// profile and the first admin, the portal shows «портал ещё не настроен» instead of failing.

const holder = globalThis as unknown as { __energoSetUp?: boolean };

/** Set up = the utility's profile and at least one active admin exist. Remembered once true. */
export async function isPortalSetUp(): Promise<boolean> {
  if (holder.__energoSetUp) return true;
  const [row] = await db()
    .select({
      profile: sql<boolean>`exists (select 1 from ${utilityProfile} where ${utilityProfile.id} = 1)`,
      admin: sql<boolean>`exists (select 1 from ${users} where ${and(eq(users.role, 'admin'), eq(users.status, 'active'))})`,
    })
    .from(sql`(select 1) as one`);
  const setUp = Boolean(row?.profile && row?.admin);
  if (setUp) holder.__energoSetUp = true;
  return setUp;
}

export const NOT_CONFIGURED_PATH = '/not-configured';
