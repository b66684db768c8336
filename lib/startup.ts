import { dbHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from '@/db/seed';
import { seedHelpArticles } from '@/db/seed/help-articles';
import { demoLogins } from '@/db/seed/demo-logins';
import { ensureDemoStaffFactors } from '@/lib/auth/demo-staff';
import { authSecret } from '@/lib/config/auth-secret';
import { ConfigError, env } from '@/lib/config/env';
import { productionProblems, StartRefused } from '@/lib/config/start-check';
import { isDevMailboxEnabled } from '@/lib/email/transport';
import { configuredOrigin } from '@/lib/http/app-url';
import { installClientAddressHook } from '@/lib/http/client-address-hook';
import { startBackgroundJobs } from '@/lib/jobs/queue';
import { log } from '@/lib/log';
import { isPortalSetUp } from '@/lib/setup/state';

/** The configuration, checked: throws StartRefused naming every problem at once. */
export function checkedEnv(): ReturnType<typeof env> {
  let e: ReturnType<typeof env>;
  try {
    e = env();
  } catch (error) {
    if (error instanceof ConfigError) throw new StartRefused(error.problems);
    throw error;
  }
  const problems = productionProblems(e);
  if (problems.length > 0) throw new StartRefused(problems);
  return e;
}

/**
 * The start of a server instance: the configuration is checked (a production start refuses with
 * the reasons rather than opening half-configured), migrations apply on both drivers, and in demo
 * mode — only there — the demo data is loaded (idempotently) and its logins printed. A production
 * database therefore starts empty but for the help centre's answers.
 */
export async function prepareServer(): Promise<void> {
  const e = checkedEnv();
  installClientAddressHook(e.TRUST_PROXY_HOPS);
  authSecret();
  const handle = dbHandle();
  const started = Date.now();
  await migrateDatabase(handle);
  // The help centre's answers are content every portal publishes, in production too.
  await seedHelpArticles(handle.db);
  await startBackgroundJobs();
  const where =
    handle.driver === 'pglite' ? `Встроенная база данных: ${handle.dataDir ?? 'в памяти'}` : 'База данных Postgres';
  if (!e.DEMO) {
    log.info({ driver: handle.driver, ms: Date.now() - started }, 'startup.migrated');
    // Known before the first request, so the proxy serves the cached public pages straight away.
    await isPortalSetUp();
    return;
  }
  await seedDemoData(handle.db);
  await ensureDemoStaffFactors(handle.db);
  await isPortalSetUp();
  const origin = configuredOrigin();
  console.log(
    [
      '',
      `[energokabinet] Демонстрационный режим. ${where} (готова за ${Date.now() - started} мс)`,
      `[energokabinet] Откройте ${origin}`,
      '[energokabinet] Демо-входы:',
      ...demoLogins.map((d) => `  ${d.role.padEnd(24)} логин: ${d.login.padEnd(24)} пароль: ${d.password}   ${d.note}`),
      ...(isDevMailboxEnabled() ? [`[energokabinet] Письма (подтверждение, сброс пароля): ${origin}/dev/mailbox`] : []),
      '',
    ].join('\n'),
  );
}
