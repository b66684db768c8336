// What staff see of the background work at /admin/jobs: each queue's jobs by state, the jobs that
// failed after their last retry with the error they ended on, «Повторить» for one of them and
// «Запустить сейчас» for a scheduled queue (its next run brought forward, not skipped).
// pg-boss has no listing API across states, so its own table is read directly (read-only); the
// retry itself goes through pg-boss.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { rowsOf } from '@/lib/billing/run-sql';
import { audit } from '@/lib/security/audit';
import { JOB_DEFINITIONS, jobDefinition } from './definitions';
import { retryJob, sendJob } from './queue';
import type { retryJobSchema, runJobNowSchema } from './schemas';

export interface QueueCounts {
  name: string;
  label: string;
  /** Waiting to start (new, or waiting for its next retry). */
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  /** Runs on a schedule, so staff may start its next run now. */
  scheduled: boolean;
}

export interface FailedJob {
  id: string;
  queue: string;
  label: string;
  attempts: number;
  /** The error of the last attempt, as pg-boss kept it. */
  error: string;
  failedAt: Date;
}

export interface JobsOverview {
  queues: QueueCounts[];
  failed: FailedJob[];
}

const FAILED_SHOWN = 50;

/** The queue's table exists once pg-boss has started on this database (it creates its own schema). */
async function queueTableExists(): Promise<boolean> {
  const [row] = rowsOf<{ present: boolean }>(
    await db().execute(sql`select to_regclass('pgboss.job') is not null as present`),
  );
  return Boolean(row?.present);
}

function errorText(output: unknown): string {
  if (output && typeof output === 'object') {
    const o = output as { message?: unknown; value?: unknown };
    if (typeof o.message === 'string') return o.message;
    if (typeof o.value === 'string') return o.value;
  }
  return output === null || output === undefined ? 'ошибка не сохранена' : JSON.stringify(output).slice(0, 500);
}

export async function jobsOverview(): Promise<JobsOverview> {
  const empty = JOB_DEFINITIONS.map((d) => ({
    name: d.name,
    label: d.label,
    waiting: 0,
    active: 0,
    completed: 0,
    failed: 0,
    scheduled: Boolean(d.cron),
  }));
  if (!(await queueTableExists())) return { queues: empty, failed: [] };
  const counts = rowsOf<{ name: string; state: string; n: number }>(
    await db().execute(sql`select name, state::text as state, count(*)::int as n from pgboss.job group by name, state`),
  );
  const queues = empty.map((q) => {
    const of = (states: string[]) =>
      counts.filter((c) => c.name === q.name && states.includes(c.state)).reduce((s, c) => s + Number(c.n), 0);
    return {
      ...q,
      waiting: of(['created', 'retry']),
      active: of(['active']),
      completed: of(['completed']),
      failed: of(['failed']),
    };
  });
  const failedRows = rowsOf<{
    id: string;
    name: string;
    retry_count: number;
    output: unknown;
    completed_on: string | Date | null;
    created_on: string | Date;
  }>(
    await db().execute(sql`
      select id::text as id, name, retry_count, output, completed_on, created_on from pgboss.job
      where state = 'failed' order by coalesce(completed_on, created_on) desc limit ${FAILED_SHOWN}`),
  );
  const failed = failedRows.map((r) => ({
    id: r.id,
    queue: r.name,
    label: jobDefinition(r.name)?.label ?? r.name,
    attempts: Number(r.retry_count) + 1,
    error: errorText(r.output),
    failedAt: new Date(r.completed_on ?? r.created_on),
  }));
  return { queues, failed };
}

/** «Повторить»: a failed job goes back to its queue (its handler is idempotent), audited. */
export async function retryFailedJob(
  staff: { id: string },
  input: z.infer<typeof retryJobSchema>,
): Promise<ActionResult<{ message: string }>> {
  const definition = jobDefinition(input.queue);
  if (!definition || !(await queueTableExists())) return fail('Задание не найдено — обновите страницу');
  const [job] = rowsOf<{ state: string }>(
    await db().execute(
      sql`select state::text as state from pgboss.job where name = ${input.queue} and id = ${input.jobId}::uuid`,
    ),
  );
  if (!job) return fail('Задание не найдено — обновите страницу');
  if (job.state !== 'failed') return fail('Это задание уже не в числе неудавшихся — обновите страницу');
  await retryJob(input.queue, input.jobId);
  await audit({
    action: 'job.retried',
    actorUserId: staff.id,
    subjectType: 'job',
    subjectId: input.jobId,
    details: { queue: input.queue },
  });
  return succeed({ message: `Задание «${definition.label}» снова в очереди` });
}

/**
 * «Запустить сейчас»: a scheduled queue's work now rather than at its next time (e.g. after a
 * fix, or to give up abandoned payments at once); the handlers are idempotent and the queue's
 * singleton policy keeps it to one run at a time. Audited.
 */
export async function runScheduledJobNow(
  staff: { id: string },
  input: z.infer<typeof runJobNowSchema>,
): Promise<ActionResult<{ message: string }>> {
  const definition = jobDefinition(input.queue);
  if (!definition?.cron) return fail('Такой очереди по расписанию нет — обновите страницу');
  await sendJob(definition.name, {}, {});
  await audit({
    action: 'job.run_now',
    actorUserId: staff.id,
    subjectType: 'job',
    subjectId: definition.name,
    details: { queue: definition.name },
  });
  return succeed({ message: `Задание «${definition.label}» поставлено в очередь` });
}
