import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { connectPostgres, type DbHandle, type Schema } from './client';

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

// Arbitrary constant: the advisory lock that serialises migrations across app instances.
const MIGRATION_LOCK_ID = 4_242_001;

export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.driver === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, { migrationsFolder });
    return;
  }
  // A single connection, so the advisory lock and the migration run in the same session.
  const single = connectPostgres(handle.url, { max: 1 });
  try {
    await single.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
    await migratePostgres(single.db as unknown as NodePgDatabase<Schema>, { migrationsFolder });
    await single.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
  } finally {
    await single.close();
  }
}
