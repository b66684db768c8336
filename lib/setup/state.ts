import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users, utilityProfile } from '@/db/schema';
import { knownSetUp, rememberSetUp } from './flag';

// A real deployment starts on an empty database: until `npm run setup` has written the utility's
// profile and the first admin, the portal shows «портал ещё не настроен» instead of failing.

/** Set up = the utility's profile and at least one active admin exist. Remembered once true. */
export async function isPortalSetUp(): Promise<boolean> {
  if (knownSetUp()) return true;
  const [row] = await db()
    .select({
      profile: sql<boolean>`exists (select 1 from ${utilityProfile} where ${utilityProfile.id} = 1)`,
      admin: sql<boolean>`exists (select 1 from ${users} where ${and(eq(users.role, 'admin'), eq(users.status, 'active'))})`,
    })
    .from(sql`(select 1) as one`);
  const setUp = Boolean(row?.profile && row?.admin);
  if (setUp) rememberSetUp();
  return setUp;
}

export const NOT_CONFIGURED_PATH = '/not-configured';
