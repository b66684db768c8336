// Tells a job whose worker died from a job that is merely slow. While a handler runs, its instance
// holds a session advisory lock named after the job, on a connection of its own; Postgres drops the
// lock as soon as that connection closes, which is what a killed process looks like. pg-boss 10 only
// gives up on a dead worker's job when the job's expiry runs out — hours for a billing run, a
// quarter of an hour for a delivery queue, whose singleton policy keeps every later run waiting
// meanwhile — so each instance that works the queues looks for active jobs whose lock is free, at
// its start and every SWEEP_SECONDS, fails them and lets their retry start at once.
import 'server-only';
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { describeError, log } from '@/lib/log';

// The first key of the two-key advisory lock: keeps these locks apart from any other advisory lock.
const LOCK_CLASS = 0x454b_4a42;
const LOCK_KEY = 'hashtext($2)';
// A job is active from its fetch, a moment before its handler takes the lock; younger jobs are left alone.
const SETTLE_SECONDS = 10;
const SWEEP_SECONDS = 30;
const RECONNECT_MS = 2_000;

export class WorkerLiveness {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly held = new Set<string>();
  private stopped = false;

  constructor(private readonly url: string) {}

  /** Runs a job's handler with its lock held; a worker that cannot take the lock does not start. */
  async around<T>(jobId: string, run: () => Promise<T>): Promise<T> {
    const client = await this.connection();
    // Not taken only when another job's id hashes alike: that job's lock speaks for this one too.
    await client.query(`select pg_try_advisory_lock($1, ${LOCK_KEY})`, [LOCK_CLASS, jobId]);
    this.held.add(jobId);
    try {
      return await run();
    } finally {
      this.held.delete(jobId);
      await this.client
        ?.query(`select pg_advisory_unlock($1, ${LOCK_KEY})`, [LOCK_CLASS, jobId])
        .catch((error: unknown) => log.warn({ jobId, error: describeError(error) }, 'jobs.liveness_unlock_failed'));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => {});
    this.client = null;
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      connectionTimeoutMillis: 5_000,
      application_name: 'energokabinet-job-liveness',
    });
    // Without a listener a lost connection (the database restarting) would crash the process.
    client.on('error', (error) => log.warn({ error: describeError(error) }, 'jobs.liveness_lost'));
    client.on('end', () => {
      if (this.client !== client) return;
      this.client = null;
      // The locks went with the connection: take them again while their handlers still run, or a
      // sweep would take these jobs for dead.
      if (this.held.size > 0) this.reconnectSoon();
    });
    await client.connect();
    for (const jobId of this.held) {
      await client.query(`select pg_try_advisory_lock($1, ${LOCK_KEY})`, [LOCK_CLASS, jobId]);
    }
    this.client = client;
    return client;
  }

  private reconnectSoon(): void {
    setTimeout(() => {
      if (this.stopped || this.client || this.held.size === 0) return;
      this.connection().catch(() => this.reconnectSoon());
    }, RECONNECT_MS).unref();
  }
}

/**
 * Fails the active jobs whose worker is gone and moves their retry to now (the back-off is for a
 * handler that failed, not for one that never finished); returns the queues that got a retry.
 */
async function failJobsWithoutWorker(boss: PgBoss): Promise<string[]> {
  const executor = boss.getDb();
  // Taken and given back in one expression, on one of pg-boss's own connections: free means nobody holds it.
  const { rows } = await executor.executeSql(
    `select id, name from pgboss.job
     where state = 'active' and started_on < now() - make_interval(secs => $2)
       and case when pg_try_advisory_lock($1, hashtext(id::text)) then pg_advisory_unlock($1, hashtext(id::text)) else false end`,
    [LOCK_CLASS, SETTLE_SECONDS],
  );
  const dead = rows as { id: string; name: string }[];
  for (const job of dead) {
    await boss.fail(job.name, job.id, { error: 'the worker stopped: its process is gone' });
    await executor.executeSql(`update pgboss.job set start_after = now() where id = $1 and state = 'retry'`, [job.id]);
    log.warn({ job: job.name, jobId: job.id }, 'jobs.worker_gone');
  }
  return [...new Set(dead.map((j) => j.name))];
}

/** Sweeps now and every SWEEP_SECONDS until `stop`; errors (the database away) wait for the next sweep. */
export function sweepForDeadWorkers(boss: PgBoss, retried: (queue: string) => void): () => void {
  const sweep = () =>
    failJobsWithoutWorker(boss)
      .then((queues) => queues.forEach(retried))
      .catch((error: unknown) => log.warn({ error: describeError(error) }, 'jobs.sweep_failed'));
  void sweep();
  const timer = setInterval(sweep, SWEEP_SECONDS * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
