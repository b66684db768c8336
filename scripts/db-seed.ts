// `npm run db:seed`: migrates, then loads the demo data (idempotent: a second run writes nothing).
import { connectFromEnv } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { seedDemoData } from '../db/seed';
import { demoLogins } from '../db/seed/demo-logins';

async function main(): Promise<void> {
  const handle = connectFromEnv();
  const target = handle.driver === 'postgres' ? 'Postgres' : `PGlite (${handle.dataDir ?? 'в памяти'})`;
  try {
    const started = Date.now();
    await migrateDatabase(handle);
    const migrated = Date.now();
    const summary = await seedDemoData(handle.db);
    const done = Date.now();
    const { alreadySeeded, ...counts } = summary;
    console.log(
      `${target}: migrated in ${migrated - started} ms; ` +
        (alreadySeeded ? 'demo data already present, nothing written' : `demo data loaded in ${done - migrated} ms`),
    );
    console.log(
      Object.entries(counts)
        .map(([table, n]) => `${table}: ${n}`)
        .join(', '),
    );
    console.log('\nДемо-входы:');
    for (const d of demoLogins) {
      console.log(`  ${d.role.padEnd(20)} ${d.login.padEnd(22)} ${d.password.padEnd(18)} ${d.note}`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error('Seeding failed:', error);
  process.exitCode = 1;
});
