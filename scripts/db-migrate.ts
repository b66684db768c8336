// `npm run db:migrate`: applies the migrations to DATABASE_URL, or to the embedded PGlite store.
import { connectFromEnv } from '../db/client';
import { migrateDatabase } from '../db/migrate';

async function main(): Promise<void> {
  const handle = connectFromEnv();
  const started = Date.now();
  try {
    await migrateDatabase(handle);
    const target = handle.driver === 'postgres' ? 'Postgres' : `PGlite (${handle.dataDir ?? 'в памяти'})`;
    console.log(`Migrations applied to ${target} in ${Date.now() - started} ms`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error('Migration failed:', error);
  process.exitCode = 1;
});
