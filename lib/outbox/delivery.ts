import 'server-only';
import { and, asc, eq, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { processSlot } from '@/db/remember';
import type { emailOutbox, notifications } from '@/db/schema';
import { describeError, log } from '@/lib/log';

// One delivery mechanism for every outbox (the e-mail outbox, the SMS and push rows of
// `notifications`): rows are claimed in one statement with SKIP LOCKED and a lease (two instances
// never take the same row, a dead sender's lease runs out), marked sent in one statement after the
// provider accepted them, and on failure put back with back-off, so a provider that is down delays
// them and never loses them; after the last attempt a row is parked as 'failed' for a person.

/** After this many attempts a row is parked as 'failed' (kept, never deleted) for a person to look at. */
export const MAX_ATTEMPTS = 20;
const MINUTE = 60_000;
const SEND_TIMEOUT_MS = 15_000;
const DEFAULT_BATCH_SIZE = 10;
// Bounds one run, so a large backlog cannot keep a process busy indefinitely; the next tick continues.
const MAX_BATCHES_PER_RUN = 10;
const EARLY_BACKOFF = [1 * MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE];
const LATE_BACKOFF = 6 * 60 * MINUTE;

/** Delay before the next try after `attempts` tries so far (1 → 1 min, …, 5+ → 6 h). */
export function backoffMs(attempts: number): number {
  return EARLY_BACKOFF[Math.max(1, attempts) - 1] ?? LATE_BACKOFF;
}

// A row's lease covers one send and is renewed just before it: a sender that dies leaves its
// unsent rows to the next one within a minute, not after a whole batch's worth of timeouts. A row
// whose lease ran out while the sends before it were slow may be taken by another sender; the
// renewal, fenced by the attempt count, then finds it gone and leaves it.
const LEASE_MS = SEND_TIMEOUT_MS + 30_000;

/** Both outbox tables share the delivery columns (status, attempts, next_attempt_at, locked_until, …). */
type OutboxTable = typeof emailOutbox | typeof notifications;

export interface ClaimedRow {
  id: string;
  attempts: number;
}

type Columns = Partial<{ html: string; text: string }>;

/** Where one outbox's rows live. */
export interface Outbox<Row extends ClaimedRow> {
  /** Prefix of its log events («email.given_up») and name of its in-process run. */
  kind: string;
  table: OutboxTable;
  /** Only these rows of the table (one channel of `notifications`). */
  scope?: SQL;
  /** What a claim reads back for the sender, beside id and attempts. */
  columns: Record<string, PgColumn>;
  /** The fields of a log event about a row. */
  describe: (row: Row) => Record<string, unknown>;
}

/** How one provider takes a row. */
export interface OutboxSender<Row extends ClaimedRow> {
  name: string;
  send: (row: Row, signal: AbortSignal) => Promise<{ providerId: string }>;
  /** Columns rewritten when a row leaves the outbox (sent, or parked for good). */
  onDone?: (row: Row) => Columns | undefined;
}

export interface OutboxDeliveryOptions {
  /** The clock for due times and back-off; tests move it forward. */
  now?: Date;
  batchSize?: number;
}

export interface DeliveryResult {
  sent: number;
  failed: number;
}

// Drizzle types each table apart; the statements below touch only the columns they share.
function tableOf(outbox: Outbox<ClaimedRow>) {
  return outbox.table as typeof notifications;
}

async function claimDue<Row extends ClaimedRow>(outbox: Outbox<Row>, now: Date, batchSize: number): Promise<Row[]> {
  const table = tableOf(outbox as unknown as Outbox<ClaimedRow>);
  const due = db()
    .select({ id: table.id })
    .from(table)
    .where(
      and(
        outbox.scope,
        inArray(table.status, ['pending', 'sending']),
        lte(table.nextAttemptAt, now),
        or(isNull(table.lockedUntil), lt(table.lockedUntil, now)),
      ),
    )
    .orderBy(asc(table.nextAttemptAt))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  const rows = await db()
    .update(table)
    .set({
      status: 'sending',
      lockedUntil: new Date(now.getTime() + LEASE_MS),
      attempts: sql`${table.attempts} + 1`,
    })
    .where(inArray(table.id, due))
    .returning({ ...outbox.columns, id: table.id, attempts: table.attempts });
  return rows as unknown as Row[];
}

async function sendWithTimeout<Row extends ClaimedRow>(sender: OutboxSender<Row>, row: Row) {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race covers providers that ignore the signal.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`${sender.name}: no answer in ${SEND_TIMEOUT_MS / 1000} s`));
    }, SEND_TIMEOUT_MS);
  });
  try {
    return await Promise.race([sender.send(row, controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

async function recordFailure<Row extends ClaimedRow>(
  outbox: Outbox<Row>,
  sender: OutboxSender<Row>,
  row: Row,
  error: unknown,
  now: Date,
): Promise<void> {
  const table = tableOf(outbox as unknown as Outbox<ClaimedRow>);
  const giveUp = row.attempts >= MAX_ATTEMPTS;
  const event = { ...outbox.describe(row), attempts: row.attempts, error: describeError(error) };
  if (giveUp) log.error(event, `${outbox.kind}.given_up`);
  else log.warn(event, `${outbox.kind}.attempt_failed`);
  await db()
    .update(table)
    .set({
      status: giveUp ? 'failed' : 'pending',
      lastError: errorText(error),
      lockedUntil: null,
      nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)),
      ...(giveUp ? sender.onDone?.(row) : undefined),
    })
    // Only our own claim: a late failure must not undo a newer claim or a send that succeeded.
    .where(and(eq(table.id, row.id), eq(table.status, 'sending'), eq(table.attempts, row.attempts)));
}

/** One claim and its sends, without the in-process guard (tests use it to race two senders). */
export async function deliverOutboxBatch<Row extends ClaimedRow>(
  outbox: Outbox<Row>,
  sender: OutboxSender<Row>,
  options: OutboxDeliveryOptions = {},
): Promise<DeliveryResult & { claimed: number }> {
  const table = tableOf(outbox as unknown as Outbox<ClaimedRow>);
  const clock = () => options.now ?? new Date();
  const rows = await claimDue(outbox, clock(), options.batchSize ?? DEFAULT_BATCH_SIZE);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    const [still] = await db()
      .update(table)
      .set({ lockedUntil: new Date(clock().getTime() + LEASE_MS) })
      .where(and(eq(table.id, row.id), eq(table.status, 'sending'), eq(table.attempts, row.attempts)))
      .returning({ id: table.id });
    if (!still) continue;
    let providerId: string;
    try {
      ({ providerId } = await sendWithTimeout(sender, row));
    } catch (error) {
      failed++;
      await recordFailure(outbox, sender, row, error, clock()).catch((e: unknown) =>
        log.error({ ...outbox.describe(row), error: describeError(e) }, `${outbox.kind}.failure_not_recorded`),
      );
      continue;
    }
    sent++;
    try {
      await db()
        .update(table)
        .set({
          status: 'sent',
          sentAt: clock(),
          providerId,
          lockedUntil: null,
          lastError: null,
          ...sender.onDone?.(row),
        })
        .where(and(eq(table.id, row.id), ne(table.status, 'sent')));
    } catch (error) {
      // The lease runs out and the row is sent again; a provider's idempotency key stops a duplicate.
      log.error({ ...outbox.describe(row), error: describeError(error) }, `${outbox.kind}.sent_not_recorded`);
    }
  }
  return { sent, failed, claimed: rows.length };
}

interface Run {
  promise: Promise<DeliveryResult>;
  /** Set when someone asked for delivery while this run was busy: do one more batch. */
  again: boolean;
}

/**
 * Sends what is due in this outbox. Calls while a run is in progress join it (and make it look
 * once more for new rows) rather than start a second sender in the same process. The run is kept
 * on globalThis: a dev-mode module reload must join it, not start a second sender.
 */
export function deliverDueOutbox<Row extends ClaimedRow>(
  outbox: Outbox<Row>,
  sender: OutboxSender<Row>,
  options: OutboxDeliveryOptions = {},
): Promise<DeliveryResult> {
  const slot = processSlot<Run>(`__energoOutboxRun_${outbox.kind}`);
  const current = slot.get();
  if (current) {
    current.again = true;
    return current.promise;
  }
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const run: Run = { promise: Promise.resolve({ sent: 0, failed: 0 }), again: false };
  slot.set(run);
  run.promise = (async () => {
    const total: DeliveryResult = { sent: 0, failed: 0 };
    try {
      for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
        run.again = false;
        const batch = await deliverOutboxBatch(outbox, sender, { ...options, batchSize });
        total.sent += batch.sent;
        total.failed += batch.failed;
        if (batch.claimed < batchSize && !run.again) break;
      }
      return total;
    } finally {
      slot.set(undefined);
    }
  })();
  return run.promise;
}

/** Starts delivery in the background; the caller neither waits for it nor sees its errors. */
export function kickOutbox(kind: string, deliver: () => Promise<unknown>): void {
  setImmediate(() => {
    deliver().catch((error: unknown) =>
      log.error({ error: describeError(error) }, `${kind}.background_delivery_failed`),
    );
  });
}
