import { and, eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '@/db/schema';
import { jobDefinition, type JobDefinition } from '@/lib/jobs/definitions';
import { openJobQueue } from '@/lib/jobs/queue';
import { jobsOverview, retryFailedJob, runScheduledJobNow } from '@/lib/jobs/staff-console';
import { log } from '@/lib/log';
import { createUser } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

// /admin/jobs on this file's database: a job that failed after its retries is listed with its
// error, and «Повторить» puts it back in its queue once, audited; «Запустить сейчас» queues a
// scheduled queue's next run, audited, and only for a scheduled queue.

const t = useTestDatabase();
const holder = globalThis as unknown as { __energoJobQueue?: Promise<PgBoss> };
let boss: PgBoss;
let failedId: string;

// The pruning queue with a handler that cannot succeed and no retries, so the job fails at once.
const failing: JobDefinition = {
  ...jobDefinition('pruning')!,
  queue: { policy: 'standard', retryLimit: 0 },
  run: async () => {
    throw new Error('таблица недоступна');
  },
};

beforeAll(async () => {
  vi.spyOn(log, 'warn').mockImplementation(() => undefined);
  boss = await openJobQueue(t.handle, { runsJobs: true, definitions: [failing] });
  // The app's own queue in this process is this one (the retry goes through it).
  holder.__energoJobQueue = Promise.resolve(boss);
  failedId = (await boss.send('pruning', {}))!;
  for (let i = 0; i < 150; i++) {
    if ((await boss.getJobById('pruning', failedId))?.state === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 60_000);

afterAll(async () => {
  delete holder.__energoJobQueue;
  await boss.stop({ graceful: false, wait: true });
  vi.restoreAllMocks();
});

describe('the background jobs console', () => {
  it('lists the failed job with its error and counts it under its queue', async () => {
    const { queues, failed } = await jobsOverview();
    expect(queues.find((q) => q.name === 'pruning')).toMatchObject({ label: 'Очистка устаревших записей', failed: 1 });
    expect(queues.map((q) => q.name)).toContain('email-delivery');
    expect(failed).toEqual([
      expect.objectContaining({ id: failedId, queue: 'pruning', attempts: 1, error: 'таблица недоступна' }),
    ]);
  });

  it('refuses a job that does not exist or a queue it does not know, writing nothing', async () => {
    const staff = await createUser(t.db, { role: 'operator' });
    const other = await retryFailedJob(staff, { queue: 'pruning', jobId: '6f1c2a0e-4b7d-4c55-9a51-0d2b6c1e8f00' });
    expect(other).toMatchObject({ ok: false, message: 'Задание не найдено — обновите страницу' });
    const unknown = await retryFailedJob(staff, { queue: 'no-such-queue', jobId: failedId });
    expect(unknown.ok).toBe(false);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'job.retried'))).toHaveLength(0);
  });

  it('puts the failed job back in its queue once, and audits who did it', async () => {
    const staff = await createUser(t.db, { role: 'operator' });
    // Stop working the queue so the retried job stays visible as waiting.
    await boss.offWork('pruning');
    const first = await retryFailedJob(staff, { queue: 'pruning', jobId: failedId });
    expect(first).toMatchObject({ ok: true, message: 'Задание «Очистка устаревших записей» снова в очереди' });
    expect((await boss.getJobById('pruning', failedId))?.state).toMatch(/^(created|retry)$/);
    const again = await retryFailedJob(staff, { queue: 'pruning', jobId: failedId });
    expect(again).toMatchObject({ ok: false });
    const overview = await jobsOverview();
    expect(overview.failed).toEqual([]);
    expect(overview.queues.find((q) => q.name === 'pruning')).toMatchObject({ failed: 0, waiting: 1 });
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'job.retried'), eq(auditLog.actorUserId, staff.id)));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ subjectType: 'job', details: { queue: 'pruning' } });
  });

  it('«Запустить сейчас» queues a run of a scheduled queue, audited; a queue without a schedule is refused', async () => {
    const staff = await createUser(t.db, { role: 'operator' });
    const before = (await jobsOverview()).queues.find((q) => q.name === 'pruning')!;
    expect(before.scheduled).toBe(true);
    const queued = await runScheduledJobNow(staff, { queue: 'pruning' });
    expect(queued).toMatchObject({ ok: true, message: 'Задание «Очистка устаревших записей» поставлено в очередь' });
    expect((await jobsOverview()).queues.find((q) => q.name === 'pruning')!.waiting).toBe(before.waiting + 1);
    const unscheduled = (await jobsOverview()).queues.find((q) => !q.scheduled)!;
    expect(await runScheduledJobNow(staff, { queue: unscheduled.name })).toMatchObject({ ok: false });
    expect(await runScheduledJobNow(staff, { queue: 'no-such-queue' })).toMatchObject({ ok: false });
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'job.run_now'), eq(auditLog.actorUserId, staff.id)));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ subjectType: 'job', details: { queue: 'pruning' } });
  });
});
