import { eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { deliverDueEmails, MAX_ATTEMPTS } from '@/lib/email/deliver';
import { enqueueEmail } from '@/lib/email/outbox';
import { renderPasswordChanged } from '@/lib/email/templates';
import type { EmailTransport } from '@/lib/email/transport';
import { jobDefinition, type JobDefinition } from '@/lib/jobs/definitions';
import { openJobQueue } from '@/lib/jobs/queue';
import { log } from '@/lib/log';
import { createMeteredAccount, createSubscriber, createUtilityProfile } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

// The job queue (pg-boss) on this file's database: Postgres with DATABASE_URL, else the embedded one.

const t = useTestDatabase();
const opened: PgBoss[] = [];

async function open(definitions: JobDefinition[], runsJobs = true): Promise<PgBoss> {
  const boss = await openJobQueue(t.handle, { runsJobs, definitions });
  opened.push(boss);
  return boss;
}

afterEach(async () => {
  for (const boss of opened.splice(0)) await boss.stop({ graceful: false, wait: true });
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function settled(boss: PgBoss, name: string, id: string, timeoutMs = 30_000) {
  const started = Date.now();
  for (;;) {
    const job = await boss.getJobById(name, id);
    if (job && ['completed', 'failed', 'cancelled'].includes(job.state)) return job;
    if (Date.now() - started > timeoutMs) throw new Error(`job ${name} still ${job?.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the job queue', () => {
  it('retries a failing job with back-off, then keeps it failed with its error', async () => {
    vi.spyOn(log, 'warn').mockImplementation(() => undefined);
    let attempts = 0;
    const boss = await open([
      {
        name: 'always-fails',
        label: 'Проверка',
        queue: { policy: 'standard', retryLimit: 2, retryDelay: 1, retryBackoff: true },
        run: async () => {
          attempts++;
          throw new Error(`провайдер недоступен (попытка ${attempts})`);
        },
      },
    ]);
    const id = await boss.send('always-fails', {});
    const job = await settled(boss, 'always-fails', id!, 45_000);
    expect(attempts).toBe(3);
    expect(job.state).toBe('failed');
    expect(job.retryCount).toBe(2);
    expect(JSON.stringify(job.output)).toContain('провайдер недоступен (попытка 3)');
  }, 60_000);

  it('keeps one schedule per queue however many instances start', async () => {
    const noop: JobDefinition = { ...jobDefinition('pruning')!, run: async () => undefined };
    const first = await open([noop]);
    const second = await open([noop]);
    const schedules = await second.getSchedules();
    expect(schedules.filter((s) => s.name === 'pruning')).toHaveLength(1);
    expect(schedules[0]).toMatchObject({ cron: '17 * * * *', timezone: 'Europe/Moscow' });
    expect(await first.getSchedules()).toHaveLength(1);
  });

  it('sends a reading reminder once when the reminder job runs twice', async () => {
    // Inside the last two days of the November window; the job reads the clock itself, which goes
    // on ticking (pg-boss's workers measure their polling intervals with it).
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-23T08:00:00Z'), shouldAdvanceTime: true });
    await createUtilityProfile(t.db);
    const household = async (email: string, { reminders = true, sentNovember = false } = {}) => {
      const { accountId } = await createMeteredAccount(t.db, {
        registers: [
          ['2026-10-01', { all_day: 1000 }],
          ...(sentNovember ? [['2026-11-01', { all_day: 1150 }] as [string, { all_day: number }]] : []),
        ],
      });
      await createSubscriber(t.db, accountId, { email, notifyReadingReminders: reminders });
    };
    await household('ivanova@example.test');
    await household('petrov@example.test');
    await household('sidorova@example.test', { reminders: false });
    await household('sent@example.test', { sentNovember: true });
    const reminders = jobDefinition('reading-reminders')!;
    const boss = await open([reminders]);
    for (let run = 0; run < 2; run++) {
      const id = await boss.send(reminders.name, {});
      expect((await settled(boss, reminders.name, id!)).state).toBe('completed');
    }
    const letters = await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'reading_reminder'));
    expect(letters.map((l) => l.toAddress).sort()).toEqual(['ivanova@example.test', 'petrov@example.test']);
  }, 60_000);
});

describe('e-mail delivery', () => {
  it('retries a letter the provider refuses, then keeps it as failed with the error', async () => {
    vi.spyOn(log, 'warn').mockImplementation(() => undefined);
    vi.spyOn(log, 'error').mockImplementation(() => undefined);
    await t.db.delete(emailOutbox);
    await enqueueEmail(t.db, {
      to: 'down@example.com',
      ...renderPasswordChanged({
        utilityName: 'МУП',
        fullName: 'И. И.',
        when: '1 декабря',
        resetLink: 'https://lk.example.ru/r',
      }),
    });
    const refusing: EmailTransport = {
      name: 'refusing',
      send: async () => {
        throw new Error('550 mailbox unavailable');
      },
    };
    // Each run is due after the previous one's back-off.
    let now = Date.now();
    for (let run = 0; run < MAX_ATTEMPTS; run++) {
      now += 7 * 60 * 60 * 1000;
      await deliverDueEmails({ transport: refusing, now: new Date(now) });
    }
    const [row] = await t.db.select().from(emailOutbox);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: '550 mailbox unavailable' });
    // Parked: a further run does not try it again.
    await deliverDueEmails({ transport: refusing, now: new Date(now + 7 * 60 * 60 * 1000) });
    const [after] = await t.db.select().from(emailOutbox);
    expect(after?.attempts).toBe(MAX_ATTEMPTS);
  });
});
