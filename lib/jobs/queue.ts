import 'server-only';
import PgBoss from 'pg-boss';
import { dbHandle, type DbHandle } from '@/db/client';
import { remember } from '@/db/remember';
import { env } from '@/lib/config/env';
import { describeError, log } from '@/lib/log';
import { JOB_DEFINITIONS, SCHEDULE_TIME_ZONE, type JobDefinition } from './definitions';
import { pgliteExecutor } from './pglite-executor';
import { sweepForDeadWorkers, WorkerLiveness } from './worker-liveness';

/** pg-boss keeps its tables in their own schema, apart from the portal's migrations. */
const BOSS_SCHEMA = 'pgboss';
// Workers poll; a few seconds is quick enough for background work and light on the embedded database.
const POLLING_SECONDS = 5;
// Each queue's worker in this process, to wake it for a job this process just sent.
const workersOf = new WeakMap<PgBoss, Map<string, string>>();

function createBoss(handle: DbHandle, runsJobs: boolean): PgBoss {
  const options: PgBoss.ConstructorOptions = {
    schema: BOSS_SCHEMA,
    // Only an instance that runs jobs also keeps the schedules and the maintenance (expired
    // active jobs back to retry: a job whose worker died is picked up by another instance).
    schedule: runsJobs,
    supervise: runsJobs,
    migrate: true,
  };
  if (handle.driver === 'pglite') return new PgBoss({ ...options, db: pgliteExecutor(handle.client) });
  return new PgBoss({ ...options, connectionString: handle.url, max: 3, application_name: 'energokabinet-jobs' });
}

export interface QueueOptions {
  /** Work the queues and keep the schedules; otherwise only send jobs. */
  runsJobs: boolean;
  definitions?: readonly JobDefinition[];
}

/** A started pg-boss on this database with every queue created (tests open their own). */
export async function openJobQueue(handle: DbHandle, options: QueueOptions): Promise<PgBoss> {
  const { runsJobs, definitions = JOB_DEFINITIONS } = options;
  const boss = createBoss(handle, runsJobs);
  boss.on('error', (error) => log.error({ error: describeError(error) }, 'jobs.queue_error'));
  await boss.start();
  for (const job of definitions) await boss.createQueue(job.name, { name: job.name, ...job.queue });
  if (!runsJobs) return boss;
  const workers = new Map<string, string>();
  workersOf.set(boss, workers);
  // The embedded database lives and dies with this very process: no other instance to tell apart.
  const liveness = handle.driver === 'postgres' ? new WorkerLiveness(handle.url) : null;
  for (const job of definitions) {
    const workerId = await boss.work<object>(
      job.name,
      { pollingIntervalSeconds: POLLING_SECONDS, batchSize: 1 },
      async ([item]) => {
        try {
          const run = () => job.run(item?.data ?? {}, boss);
          return await (liveness && item ? liveness.around(item.id, run) : run());
        } catch (error) {
          log.warn({ job: job.name, jobId: item?.id, error: describeError(error) }, 'jobs.attempt_failed');
          throw error;
        }
      },
    );
    workers.set(job.name, workerId);
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: SCHEDULE_TIME_ZONE });
  }
  if (liveness) {
    const stopSweeping = sweepForDeadWorkers(boss, (queue) => {
      const workerId = workers.get(queue);
      if (workerId) boss.notifyWorker(workerId);
    });
    boss.once('stopped', () => {
      stopSweeping();
      void liveness.stop();
    });
  }
  log.info({ queues: definitions.map((j) => j.name) }, 'jobs.started');
  return boss;
}

/**
 * This process's job queue, opened once. With BACKGROUND_JOBS=off it only sends jobs (an instance
 * that serves requests while another runs the work; tests); otherwise it also works the queues.
 */
function jobQueue(): Promise<PgBoss> {
  return remember('__energoJobQueue', () => openJobQueue(dbHandle(), { runsJobs: env().BACKGROUND_JOBS !== 'off' }));
}

/** Sends a job and, when this process works its queue, fetches it now rather than at the next poll. */
export async function sendJob(name: string, data: object, options: PgBoss.SendOptions): Promise<void> {
  const boss = await jobQueue();
  await boss.send(name, data, options);
  const workerId = workersOf.get(boss)?.get(name);
  if (workerId) boss.notifyWorker(workerId);
}

/** A failed job back to its queue («Повторить» at /admin/jobs). */
export async function retryJob(name: string, id: string): Promise<void> {
  const boss = await jobQueue();
  await boss.retry(name, id);
  const workerId = workersOf.get(boss)?.get(name);
  if (workerId) boss.notifyWorker(workerId);
}

/** At server start: the workers and schedules, unless BACKGROUND_JOBS=off. */
export async function startBackgroundJobs(): Promise<void> {
  if (env().BACKGROUND_JOBS === 'off') return;
  await jobQueue();
}
