import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { backoffMs, deliverBatch, deliverDueEmails, MAX_ATTEMPTS } from '@/lib/email/deliver';
import { getMailboxMessage, linksInText, listMailbox } from '@/lib/email/mailbox';
import { enqueueEmail, kickEmailDelivery } from '@/lib/email/outbox';
import { renderPasswordReset } from '@/lib/email/templates';
import { devMailboxTransport, type EmailTransport, type OutgoingEmail } from '@/lib/email/transport';
import { useTestDatabase } from '../support/test-db';
import { expectConsoleError } from '../support/console-trap';

const t = useTestDatabase();

beforeEach(async () => {
  await t.db.delete(emailOutbox);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const link = 'https://lk.example.ru/fiz/password/reset/abc?x=1&y=2';

function message(to: string, dedupeKey?: string) {
  return {
    to,
    dedupeKey,
    ...renderPasswordReset({ utilityName: 'МУП «Истринские электросети»', fullName: 'Иванов И. И.', link }),
  };
}

/** Records every send; fails the first `failures` calls. */
function fakeTransport(failures = 0, delayMs = 0) {
  const sent: OutgoingEmail[] = [];
  let calls = 0;
  const transport: EmailTransport = {
    name: 'fake',
    async send(msg) {
      calls++;
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (calls <= failures) throw new Error(`provider down (call ${calls})`);
      sent.push(msg);
      return { providerId: `fake-${calls}` };
    },
  };
  return { transport, sent, calls: () => calls };
}

async function rows() {
  return t.db.select().from(emailOutbox);
}

const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe('enqueueEmail', () => {
  it('queues nothing when the caller rolls back', async () => {
    const failure = new Error('the caller failed after queueing');
    await expect(
      t.db.transaction(async (tx) => {
        await enqueueEmail(tx, message('rollback@example.ru'));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await rows()).toHaveLength(0);

    await t.db.transaction(async (tx) => enqueueEmail(tx, message('commit@example.ru')));
    expect((await rows()).map((r) => r.toAddress)).toEqual(['commit@example.ru']);
  });

  it('queues a message with a dedupe key once', async () => {
    await enqueueEmail(t.db, message('a@example.ru', 'reset:1'));
    await enqueueEmail(t.db, message('a@example.ru', 'reset:1'));
    await t.db.transaction(async (tx) => enqueueEmail(tx, message('a@example.ru', 'reset:1')));
    await enqueueEmail(t.db, message('a@example.ru'));
    await enqueueEmail(t.db, message('a@example.ru'));
    const all = await rows();
    expect(all).toHaveLength(3);
    expect(all.filter((r) => r.dedupeKey === 'reset:1')).toHaveLength(1);
    expect(all.every((r) => r.status === 'pending' && r.attempts === 0 && r.template === 'password_reset')).toBe(true);
  });
});

describe('deliverDueEmails', () => {
  it('retries a failed send after the back-off and ends sent', async () => {
    await enqueueEmail(t.db, message('retry@example.ru'));
    const fake = fakeTransport(2);
    const t0 = new Date(Date.now() + 1000);

    expect(await deliverDueEmails({ now: t0, transport: fake.transport })).toEqual({ sent: 0, failed: 1 });
    let [row] = await rows();
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      lockedUntil: null,
      lastError: 'provider down (call 1)',
    });
    expect(row!.nextAttemptAt.getTime()).toBe(t0.getTime() + backoffMs(1));

    // Not before the back-off has passed.
    expect(await deliverDueEmails({ now: later(t0, backoffMs(1) - 1000), transport: fake.transport })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(fake.calls()).toBe(1);

    const t1 = later(t0, backoffMs(1) + 1000);
    expect(await deliverDueEmails({ now: t1, transport: fake.transport })).toEqual({ sent: 0, failed: 1 });
    [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row!.nextAttemptAt.getTime()).toBe(t1.getTime() + backoffMs(2));
    expect(backoffMs(2)).toBeGreaterThan(backoffMs(1));

    expect(await deliverDueEmails({ now: later(t1, backoffMs(2) - 1000), transport: fake.transport })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(fake.calls()).toBe(2);

    const t2 = later(t1, backoffMs(2) + 1000);
    expect(await deliverDueEmails({ now: t2, transport: fake.transport })).toEqual({ sent: 1, failed: 0 });
    [row] = await rows();
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 3,
      providerId: 'fake-3',
      lockedUntil: null,
      lastError: null,
    });
    expect(row!.sentAt?.getTime()).toBe(t2.getTime());
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]).toMatchObject({ to: 'retry@example.ru', idempotencyKey: `email-outbox-${row!.id}` });
    expect(fake.sent[0]!.text).toContain(link);

    // A sent message is never sent again.
    expect(await deliverDueEmails({ now: later(t2, 30 * 86_400_000), transport: fake.transport })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(fake.calls()).toBe(3);
  });

  it('parks a message as failed after the last attempt but keeps it', async () => {
    const gaveUp = expectConsoleError(/^\[email\] giving up on /);
    await enqueueEmail(t.db, message('never@example.ru'));
    await t.db.update(emailOutbox).set({ attempts: MAX_ATTEMPTS - 1 });
    const fake = fakeTransport(Infinity);
    expect(await deliverDueEmails({ now: new Date(Date.now() + 1000), transport: fake.transport })).toEqual({
      sent: 0,
      failed: 1,
    });
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(gaveUp.count).toBe(1);
    expect(gaveUp.messages[0]).toContain(`giving up on ${row!.id}`);
    expect(await deliverDueEmails({ now: new Date(Date.now() + 365 * 86_400_000), transport: fake.transport })).toEqual(
      { sent: 0, failed: 0 },
    );
  });

  it('retries a message whose sender crashed once its lease runs out', async () => {
    await enqueueEmail(t.db, message('crash@example.ru'));
    const now = new Date(Date.now() + 1000);
    const lease = new Date(now.getTime() + 60_000);
    // As a sender leaves it when the process dies between the claim and the send.
    await t.db.update(emailOutbox).set({ status: 'sending', attempts: 1, lockedUntil: lease });
    const fake = fakeTransport();
    expect(await deliverDueEmails({ now, transport: fake.transport })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDueEmails({ now: later(lease, 1000), transport: fake.transport })).toEqual({
      sent: 1,
      failed: 0,
    });
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('never sends a row twice when senders race', async () => {
    for (let i = 0; i < 12; i++) await enqueueEmail(t.db, message(`race${i}@example.ru`));
    const fake = fakeTransport(0, 5);
    const now = new Date(Date.now() + 1000);
    // Two senders as if in two instances (no shared in-process guard), small batches to interleave.
    const results = await Promise.all(
      [1, 2, 3].map(() => deliverBatch({ now, transport: fake.transport, batchSize: 3 })),
    );
    const first = fake.sent.map((m) => m.to);
    expect(new Set(first).size).toBe(first.length);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(first.length);
    expect(first.length).toBeGreaterThanOrEqual(3);
    expect(first.length).toBeLessThanOrEqual(9);

    // The in-process guard: concurrent calls join one run, which goes batch after batch until done.
    const [a, b] = await Promise.all([
      deliverDueEmails({ now, transport: fake.transport, batchSize: 2 }),
      deliverDueEmails({ now, transport: fake.transport, batchSize: 2 }),
    ]);
    expect(a).toEqual({ sent: 12 - first.length, failed: 0 });
    expect(b).toEqual(a);
    expect(fake.sent).toHaveLength(12);
    expect(new Set(fake.sent.map((m) => m.to)).size).toBe(12);
    expect((await rows()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('delivers into the development mailbox', async () => {
    await enqueueEmail(t.db, message('Dev.User@Example.ru'));
    await enqueueEmail(t.db, message('other@example.ru'));
    expect(await deliverDueEmails({ now: new Date(Date.now() + 1000), transport: devMailboxTransport })).toEqual({
      sent: 2,
      failed: 0,
    });
    const all = await rows();
    expect(all.every((r) => r.status === 'sent' && r.providerId === 'dev-mailbox' && r.sentAt)).toBe(true);

    const inbox = await listMailbox({ to: 'dev.user@example.ru' });
    expect(inbox.map((m) => m.toAddress)).toEqual(['Dev.User@Example.ru']);
    expect(await listMailbox()).toHaveLength(2);
    const letter = await getMailboxMessage(inbox[0]!.id);
    expect(letter?.subject).toBe('Восстановление пароля');
    expect(linksInText(letter!.text)).toEqual([link]);
    expect(await getMailboxMessage('not-a-uuid')).toBeNull();
    expect(await getMailboxMessage('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('is started in the background by a kick and needs no waiting from the caller', async () => {
    vi.stubEnv('RESEND_API_KEY', '');
    await t.db.transaction(async (tx) => enqueueEmail(tx, message('kick@example.ru')));
    expect(kickEmailDelivery()).toBeUndefined();
    await vi.waitFor(
      async () => expect((await rows())[0]).toMatchObject({ status: 'sent', providerId: 'dev-mailbox' }),
      { timeout: 10_000 },
    );
  });
});
