import 'server-only';
import { pruneSessions } from '@/lib/auth/sessions';
import { purgeDeliveredEmails } from '@/lib/email/retention';
import { log } from '@/lib/log';
import { pruneRateLimits } from '@/lib/security/rate-limit';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Old rows out: expired rate-limit windows, ended sessions, letters delivered past retention. Idempotent. */
export async function pruneOldRows(now = new Date()): Promise<{ purgedEmails: number }> {
  await pruneRateLimits(new Date(now.getTime() - DAY_MS));
  await pruneSessions(now);
  const purgedEmails = await purgeDeliveredEmails(now);
  if (purgedEmails > 0) log.info({ purged: purgedEmails }, 'email.retention_purged');
  return { purgedEmails };
}
