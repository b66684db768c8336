import { connectFromEnv } from '../db/client';
import { migrateDatabase } from '../db/migrate';

const handle = connectFromEnv();
const started = Date.now();
await migrateDatabase(handle);
await handle.close();
console.log(`Migrated ${handle.driver === 'postgres' ? 'Postgres' : `embedded database (${handle.dataDir})`} in ${Date.now() - started} ms`);
