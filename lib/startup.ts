import { dbHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from '@/db/seed';
import { demoLogins } from '@/db/seed/demo-logins';
import { authSecret } from '@/lib/config/auth-secret';
import { isDevMailboxEnabled } from '@/lib/email/transport';
import { startBackgroundJobs } from '@/lib/jobs/scheduler';
import { log } from '@/lib/log';

/**
 * Migrations apply on every start, on both drivers. The embedded database is a demo and
 * development store, so on it the demo data is also loaded (idempotently) and the logins printed.
 */
export async function prepareDatabase(): Promise<void> {
  // Fail at start, not at the first login, when production lacks its secret.
  authSecret();
  const handle = dbHandle();
  const started = Date.now();
  await migrateDatabase(handle);
  startBackgroundJobs();
  if (handle.driver !== 'pglite') {
    log.info({ ms: Date.now() - started }, 'startup.postgres_migrated');
    return;
  }
  await seedDemoData(handle.db);
  const port = process.env.PORT ?? '3000';
  console.log(
    [
      '',
      `[energokabinet] Встроенная база данных: ${handle.dataDir ?? 'в памяти'} (готова за ${Date.now() - started} мс)`,
      `[energokabinet] Откройте http://localhost:${port}`,
      '[energokabinet] Демо-входы:',
      ...demoLogins.map((d) => `  ${d.role.padEnd(24)} логин: ${d.login.padEnd(24)} пароль: ${d.password}   ${d.note}`),
      ...(isDevMailboxEnabled()
        ? [`[energokabinet] Письма (подтверждение, сброс пароля): http://localhost:${port}/dev/mailbox`]
        : []),
      '',
    ].join('\n'),
  );
}
