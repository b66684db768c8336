import 'server-only';
import { and, asc, eq, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { describeError, log } from '@/lib/log';
import { TOKEN_TEMPLATES, type TemplateName, withoutLinks } from './templates';
import { processSlot } from '@/db/remember';
import { transportFromEnv, type EmailTransport } from './transport';

/** After this many attempts a row is parked as 'failed' (kept, never deleted) for a person to look at. */
export const MAX_ATTEMPTS = 20;
const MINUTE = 60_000;
const SEND_TIMEOUT_MS = 15_000;
const DEFAULT_BATCH_SIZE = 10;
// Bounds one run, so a large backlog cannot keep a process busy indefinitely; the next tick continues.
const MAX_BATCHES_PER_RUN = 10;
const EARLY_BACKOFF = [1 * MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE];
const LATE_BACKOFF = 6 * 60 * MINUTE;

export interface DeliveryOptions {
  /** The clock for due times and back-off; tests move it forward. */
  now?: Date;
  transport?: EmailTransport;
  batchSize?: number;
}

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/** Delay before the next try after `attempts` tries so far (1 → 1 min, …, 5+ → 6 h). */
export function backoffMs(attempts: number): number {
  return EARLY_BACKOFF[Math.max(1, attempts) - 1] ?? LATE_BACKOFF;
}

// A batch is sent one by one, each send bounded by the timeout, so the lock must cover all of it;
// otherwise another instance could reclaim a row that is still about to be sent.
function lockMs(batchSize: number): number {
  return Math.max(2 * MINUTE, batchSize * SEND_TIMEOUT_MS + MINUTE);
}

export type ClaimedEmail = Awaited<ReturnType<typeof claimDueEmails>>[number];

/**
 * Takes due rows for this sender in one statement. SKIP LOCKED plus the lease in locked_until
 * keep two instances from taking the same row; a crashed sender's lease simply runs out.
 */
export async function claimDueEmails(now: Date, batchSize: number) {
  const due = db()
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(
        inArray(emailOutbox.status, ['pending', 'sending']),
        lte(emailOutbox.nextAttemptAt, now),
        or(isNull(emailOutbox.lockedUntil), lt(emailOutbox.lockedUntil, now)),
      ),
    )
    .orderBy(asc(emailOutbox.nextAttemptAt))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  return db()
    .update(emailOutbox)
    .set({
      status: 'sending',
      lockedUntil: new Date(now.getTime() + lockMs(batchSize)),
      attempts: sql`${emailOutbox.attempts} + 1`,
    })
    .where(inArray(emailOutbox.id, due))
    .returning({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      html: emailOutbox.html,
      text: emailOutbox.text,
      template: emailOutbox.template,
      attempts: emailOutbox.attempts,
    });
}

async function sendWithTimeout(transport: EmailTransport, row: ClaimedEmail): Promise<{ providerId: string }> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race covers transports that ignore the signal.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`${transport.name}: no answer in ${SEND_TIMEOUT_MS / 1000} s`));
    }, SEND_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      transport.send({
        to: row.toAddress,
        subject: row.subject,
        html: row.html,
        text: row.text,
        idempotencyKey: `email-outbox-${row.id}`,
        signal: controller.signal,
      }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 1000);
}

/**
 * The body a row keeps once it has left (or will never leave) the outbox: a letter whose link
 * carries a one-time token loses the link, unless the outbox row is itself the recipient's copy.
 */
function keptBody(row: ClaimedEmail, transport: EmailTransport): { html: string; text: string } | undefined {
  if (transport.keepsLetter || !TOKEN_TEMPLATES.has(row.template as TemplateName)) return undefined;
  return { html: withoutLinks(row.html), text: withoutLinks(row.text) };
}

async function recordFailure(row: ClaimedEmail, error: unknown, now: Date, transport: EmailTransport): Promise<void> {
  const giveUp = row.attempts >= MAX_ATTEMPTS;
  const lastError = errorText(error);
  const event = { emailId: row.id, template: row.template, attempts: row.attempts, error: describeError(error) };
  if (giveUp) log.error(event, 'email.given_up');
  else log.warn(event, 'email.attempt_failed');
  await db()
    .update(emailOutbox)
    .set({
      status: giveUp ? 'failed' : 'pending',
      lastError,
      lockedUntil: null,
      nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)),
      // Parked for good: nobody will click its link, and nobody should find it here.
      ...(giveUp ? keptBody(row, transport) : undefined),
    })
    // Only our own claim: a late failure must not undo a newer claim or a send that succeeded.
    .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, 'sending'), eq(emailOutbox.attempts, row.attempts)));
}

/** One claim and its sends, without the in-process guard (tests use it to race two senders). */
export async function deliverBatch(options: DeliveryOptions = {}): Promise<DeliveryResult & { claimed: number }> {
  const transport = options.transport ?? transportFromEnv();
  const clock = () => options.now ?? new Date();
  const rows = await claimDueEmails(clock(), options.batchSize ?? DEFAULT_BATCH_SIZE);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    let providerId: string;
    try {
      ({ providerId } = await sendWithTimeout(transport, row));
    } catch (error) {
      failed++;
      await recordFailure(row, error, clock(), transport).catch((e: unknown) =>
        log.error({ emailId: row.id, error: describeError(e) }, 'email.failure_not_recorded'),
      );
      continue;
    }
    sent++;
    try {
      // One statement marks it delivered and drops a token's link, so no delivered row ever keeps one.
      await db()
        .update(emailOutbox)
        .set({
          status: 'sent',
          sentAt: clock(),
          providerId,
          lockedUntil: null,
          lastError: null,
          ...keptBody(row, transport),
        })
        .where(and(eq(emailOutbox.id, row.id), ne(emailOutbox.status, 'sent')));
    } catch (error) {
      // The lease runs out and the row is sent again; the idempotency key stops the provider from duplicating it.
      log.error({ emailId: row.id, error: describeError(error) }, 'email.sent_not_recorded');
    }
  }
  return { sent, failed, claimed: rows.length };
}

interface Run {
  promise: Promise<DeliveryResult>;
  /** Set when someone asked for delivery while this run was busy: do one more batch. */
  again: boolean;
}
// On globalThis: a dev-mode module reload must join the run in progress, not start a second sender.
const currentRun = processSlot<Run>('__energoEmailRun');

/**
 * Sends what is due. Calls while a run is in progress join it (and make it look once more for
 * new rows) rather than start a second sender in the same process.
 */
export function deliverDueEmails(options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const current = currentRun.get();
  if (current) {
    current.again = true;
    return current.promise;
  }
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const run: Run = { promise: Promise.resolve({ sent: 0, failed: 0 }), again: false };
  currentRun.set(run);
  run.promise = (async () => {
    const total: DeliveryResult = { sent: 0, failed: 0 };
    try {
      for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
        run.again = false;
        const batch = await deliverBatch({ ...options, batchSize });
        total.sent += batch.sent;
        total.failed += batch.failed;
        if (batch.claimed < batchSize && !run.again) break;
      }
      return total;
    } finally {
      currentRun.set(undefined);
    }
  })();
  return run.promise;
}
