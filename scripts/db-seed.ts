import { connectFromEnv } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { seedDemoData } from '../db/seed';
import { demoLogins } from '../db/seed/demo-logins';

const handle = connectFromEnv();
const started = Date.now();
await migrateDatabase(handle);
const summary = await seedDemoData(handle.db);
await handle.close();
console.log(summary.alreadySeeded ? 'Demo data already present: nothing written.' : `Demo data loaded: ${JSON.stringify(summary)}`);
console.log(`Done in ${Date.now() - started} ms. Demo logins:`);
console.table(demoLogins);
