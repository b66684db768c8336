// Payment by SMS on a real database, through SMS.ru's signed callback: «ОПЛАТА» from the phone on
// the cabinet → a code and exactly what will be charged → the code alone charges the card bound for
// electricity → the sandbox's notification credits the ledger once and the result goes by SMS.
// Each refusal answers in Russian and charges nothing.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountUsers, auditLog, ledgerEntries, notifications, payments, smsPayments } from '@/db/schema';
import { formatRub } from '@/lib/format/money';
import { smsCallbackKey } from '@/lib/inbound/config';
import { receiveSmsCallback } from '@/lib/inbound/sms';
import { smsRuCallbackBody } from '@/lib/inbound/smsru-callback';
import { SANDBOX_RECURRING_PATH } from '@/lib/payments/gateway/sandbox/gateway';
import { expireAbandonedPayments } from '@/lib/payments/expiry';
import { SMS_PAYMENT_DAILY_CODES, SMS_PAYMENT_DAILY_LIMIT_KOPECKS } from '@/lib/payments/sms-payment';
import { createAccount, createBill, createHousehold, createUtilityProfile } from '../support/factories';
import { bindSandboxCard, notifyPaid, sandboxRecurringPeer } from '../support/sandbox-card';
import { useTestDatabase } from '../support/test-db';

vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));
vi.mock('@/lib/notifications/sms-delivery', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/notifications/sms-delivery')>()),
  kickSmsDelivery: () => {},
}));

const t = useTestDatabase();
const MINUTE = 60_000;

// The charge's server-to-server call goes to the sandbox's own Merchant/Recurring handler.
const peer = sandboxRecurringPeer();
const realFetch = globalThis.fetch;
beforeAll(async () => {
  await createUtilityProfile(t.db);
  vi.stubGlobal('fetch', async (url: string | URL | Request, init?: RequestInit) => {
    const href = String(url instanceof Request ? url.url : url);
    if (!href.endsWith(SANDBOX_RECURRING_PATH)) return realFetch(url, init);
    const fields = Object.fromEntries(new URLSearchParams(String(init?.body ?? '')));
    return new Response(await peer.send({ url: href, fields }));
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

let clock = new Date('2026-11-21T09:00:00Z').getTime();
let smsSeq = 0;
let phoneSeq = 0;

/** Sends one SMS from `from` (digits) and returns the text of the answer it got. */
async function send(from: string, text: string, at = new Date((clock += 1_000))): Promise<string> {
  const id = `pay-sms-${++smsSeq}`;
  const body = smsRuCallbackBody(smsCallbackKey()!, [{ id, from, text, at }]);
  expect(await receiveSmsCallback(body, { now: at })).toEqual({ status: 200, body: '100' });
  const [answer] = await t.db
    .select({ body: notifications.body })
    .from(notifications)
    .where(eq(notifications.dedupeKey, `inbound-reply:sms:${id}`));
  expect(answer).toBeDefined();
  return answer!.body;
}

const codeIn = (answer: string) => /кодом (\d{6})/.exec(answer)?.[1] ?? '';

/** A household whose owner's cabinet has a phone of their own; `card`: an electricity binding. */
async function subscriber(options: { card?: boolean; owedKopecks?: number } = {}) {
  const digits = `7916${String(3_000_000 + ++phoneSeq)}`;
  const phone = `+7 (${digits.slice(1, 4)}) ${digits.slice(4, 7)}-${digits.slice(7, 9)}-${digits.slice(9)}`;
  const household = await createHousehold(t.db, { user: { phone } });
  const binding = options.card === false ? null : await bindSandboxCard(t.db, household.user.id, household.accountId);
  if (options.owedKopecks) {
    await createBill(t.db, household.accountId, { period: '2026-10-01', amountKopecks: options.owedKopecks });
  }
  return { ...household, digits, binding };
}

const requestsOf = (userId: string) =>
  t.db.select().from(smsPayments).where(eq(smsPayments.userId, userId)).orderBy(asc(smsPayments.createdAt));
const chargesOf = (userId: string) =>
  t.db
    .select()
    .from(payments)
    .where(and(eq(payments.userId, userId), eq(payments.requestsBinding, false)))
    .orderBy(asc(payments.createdAt));
const resultSmsOf = (userId: string) =>
  t.db
    .select({ body: notifications.body, dedupeKey: notifications.dedupeKey })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.channel, 'sms')))
    .then((rows) => rows.filter((r) => r.dedupeKey.startsWith('sms-payment:')));

describe('the whole conversation', () => {
  it('ОПЛАТА → code with account, amount and card → the code charges once → credited once, told by SMS', async () => {
    // The bill less the binding's first payment of 10 ₽, paid ahead: what the cabinet shows as due.
    const who = await subscriber({ owedKopecks: 1_244_56 });
    const callsBefore = peer.calls.length;

    const offer = await send(who.digits, 'оплата');
    expect(offer).toContain(`л/с ${who.number}`);
    expect(offer).toContain(formatRub(1_234_56));
    expect(offer).toContain('•••• 1111');
    expect(offer).toMatch(/ответьте на это СМС только кодом \d{6} в течение 10 минут/);
    const code = codeIn(offer);

    // Only the code's keyed hash is kept.
    const [request] = await requestsOf(who.user.id);
    expect(request).toMatchObject({ status: 'pending', amountKopecks: 1_234_56, cardBindingId: who.binding!.id });
    expect(request!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(request!.codeHash).not.toContain(code);
    expect(JSON.stringify(await t.db.select().from(auditLog))).not.toContain(code);

    const accepted = await send(who.digits, ` ${code} `);
    expect(accepted).toBe(
      `Код принят: списание ${formatRub(1_234_56)} по л/с ${who.number} с карты •••• 1111 отправлено в банк. О результате сообщим СМС.`,
    );
    expect(peer.calls.length).toBe(callsBefore + 1);
    const [charge, ...more] = await chargesOf(who.user.id);
    expect(more).toEqual([]);
    expect(charge).toMatchObject({
      status: 'pending',
      amountKopecks: 1_234_56,
      accountId: who.accountId,
      cardBindingId: who.binding!.id,
    });
    expect((await requestsOf(who.user.id))[0]).toMatchObject({ status: 'confirmed', paymentId: charge!.id });
    expect(await resultSmsOf(who.user.id)).toEqual([]);

    // The same notification three times at once: one credit, one result SMS.
    await notifyPaid(charge!.invId, charge!.amountKopecks, 3);
    const credits = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.paymentId, charge!.id));
    expect(credits.map((c) => c.amountKopecks)).toEqual([-1_234_56]);
    expect((await resultSmsOf(who.user.id)).map((r) => r.body)).toEqual([
      `Оплата ${formatRub(1_234_56)} по л/с ${who.number} зачислена.`,
    ]);

    // A code works once.
    expect(await send(who.digits, code)).toContain('Этот код уже использован');
    expect(peer.calls.length).toBe(callsBefore + 1);

    const actions = (
      await t.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.actorUserId, who.user.id))
        .orderBy(asc(auditLog.id))
    ).map((a) => a.action);
    expect(actions.slice(actions.indexOf('sms_payment.requested'))).toEqual([
      'sms_payment.requested',
      'sms_payment.confirmed',
      'payment.started',
      'card.charged',
      // The second use of the code.
      'sms_payment.code_failed',
    ]);
  });

  it('«ОПЛАТА <сумма>» charges the sum given, with the account number when there are several', async () => {
    const who = await subscriber();
    const other = await createAccount(t.db);
    await t.db.insert(accountUsers).values({ accountId: other.id, userId: who.user.id, isOwner: true });

    expect(await send(who.digits, 'ОПЛАТА 500')).toContain('У вас несколько лицевых счетов');
    const offer = await send(who.digits, `ОПЛАТА ${who.number} 1 500,5`);
    expect(offer).toContain(formatRub(1_500_50));
    expect(await send(who.digits, codeIn(offer))).toContain('Код принят');
    expect((await chargesOf(who.user.id)).map((p) => [p.accountId, p.amountKopecks])).toEqual([
      [who.accountId, 1_500_50],
    ]);
  });

  it('a charge given up unpaid is told by SMS as not gone through', async () => {
    const who = await subscriber();
    const offer = await send(who.digits, 'ОПЛАТА 300');
    await send(who.digits, codeIn(offer));
    await expireAbandonedPayments(new Date(clock + 2 * 60 * MINUTE), 60);
    expect((await chargesOf(who.user.id)).map((p) => p.status)).toEqual(['expired']);
    expect((await resultSmsOf(who.user.id)).map((r) => r.body)).toEqual([
      `Оплата ${formatRub(300_00)} по л/с ${who.number} не прошла: банк не подтвердил списание. Оплатите в личном кабинете.`,
    ]);
  });
});

describe('refusals', () => {
  it('an unknown phone is answered politely and nothing is recorded', async () => {
    const before = await t.db.select().from(smsPayments);
    expect(await send('79990001122', 'ОПЛАТА 500')).toContain('не указан ни в одном личном кабинете');
    expect(await t.db.select().from(smsPayments)).toHaveLength(before.length);
  });

  it('no card bound for electricity', async () => {
    const who = await subscriber({ card: false, owedKopecks: 800_00 });
    expect(await send(who.digits, 'ОПЛАТА')).toContain('не привязана карта для оплаты электроэнергии');
    expect(await requestsOf(who.user.id)).toEqual([]);
  });

  it('never a first payment to an account not paid before', async () => {
    const who = await subscriber();
    const other = await createAccount(t.db);
    await t.db.insert(accountUsers).values({ accountId: other.id, userId: who.user.id, isOwner: false });
    const answer = await send(who.digits, `ОПЛАТА ${other.number} 500`);
    expect(answer).toContain('только по лицевому счёту, который вы уже оплачивали');
    expect(answer).toContain(other.number);
    expect(await requestsOf(who.user.id)).toEqual([]);
  });

  it('nothing due and no sum; a malformed sum', async () => {
    const who = await subscriber();
    expect(await send(who.digits, 'ОПЛАТА')).toContain(`По лицевому счёту ${who.number} задолженности нет`);
    // «О», the letter, for a zero.
    const malformed = await send(who.digits, 'ОПЛАТА 12,5О');
    expect(malformed).toContain('Не поняли сумму «12,5О»');
    expect(await requestsOf(who.user.id)).toEqual([]);
  });

  it('wrong codes: a few tries, then locked — even the right code charges nothing', async () => {
    const who = await subscriber();
    const code = codeIn(await send(who.digits, 'ОПЛАТА 700'));
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await send(who.digits, wrong)).toBe('Неверный код. Осталось попыток: 2. Деньги не списаны.');
    expect(await send(who.digits, wrong)).toBe('Неверный код. Осталось попыток: 1. Деньги не списаны.');
    expect(await send(who.digits, wrong)).toContain('Код введён неверно 3 раза — оплата отменена');
    expect(await send(who.digits, code)).toContain('Код введён неверно 3 раза — оплата отменена');
    expect((await requestsOf(who.user.id)).map((r) => [r.status, r.attempts])).toEqual([['locked', 3]]);
    expect(await chargesOf(who.user.id)).toEqual([]);
  });

  it('an expired code charges nothing', async () => {
    const who = await subscriber();
    const code = codeIn(await send(who.digits, 'ОПЛАТА 700'));
    expect(await send(who.digits, code, new Date((clock += 11 * MINUTE)))).toContain('Срок кода истёк');
    expect((await requestsOf(who.user.id)).map((r) => r.status)).toEqual(['expired']);
    expect(await chargesOf(who.user.id)).toEqual([]);
  });

  it('a new request replaces the one waiting: only the last code works', async () => {
    const who = await subscriber();
    const first = codeIn(await send(who.digits, 'ОПЛАТА 100'));
    const second = codeIn(await send(who.digits, 'ОПЛАТА 200'));
    if (first !== second) expect(await send(who.digits, first)).toContain('Неверный код');
    expect(await send(who.digits, second)).toContain(`списание ${formatRub(200_00)}`);
    expect((await chargesOf(who.user.id)).map((p) => p.amountKopecks)).toEqual([200_00]);
  });

  it('the daily limit: the sum per Moscow day and the number of codes', async () => {
    const who = await subscriber();
    expect(await send(who.digits, 'ОПЛАТА 15 000,01')).toContain(
      `не больше ${formatRub(SMS_PAYMENT_DAILY_LIMIT_KOPECKS)} в сутки; сегодня осталось ${formatRub(SMS_PAYMENT_DAILY_LIMIT_KOPECKS)}`,
    );
    const code = codeIn(await send(who.digits, 'ОПЛАТА 10000'));
    expect(await send(who.digits, code)).toContain('Код принят');
    expect(await send(who.digits, 'ОПЛАТА 6000')).toContain(`сегодня осталось ${formatRub(5_000_00)}`);
    // Codes asked for and dropped count too.
    for (let i = 1; i < SMS_PAYMENT_DAILY_CODES; i++) expect(await send(who.digits, 'ОПЛАТА 10')).toContain('кодом');
    expect(await send(who.digits, 'ОПЛАТА 10')).toContain(`запрошено уже ${SMS_PAYMENT_DAILY_CODES} кодов`);
    expect(await requestsOf(who.user.id)).toHaveLength(SMS_PAYMENT_DAILY_CODES);
    const refusals = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, who.user.id), inArray(auditLog.action, ['sms_payment.refused'])))
      .orderBy(asc(auditLog.id));
    expect(refusals.map((r) => (r.details as { reason: string }).reason)).toEqual([
      'daily_limit',
      'daily_limit',
      'daily_codes',
    ]);
  });

  it('a charge the bank refuses is told in the answer to the code and does not use up the day', async () => {
    const who = await subscriber();
    const code = codeIn(await send(who.digits, 'ОПЛАТА 15000'));
    peer.decline = true;
    try {
      expect(await send(who.digits, code)).toBe(
        `Оплата ${formatRub(15_000_00)} по л/с ${who.number} не прошла. Платёжный сервис не принял списание с привязанной карты. Деньги не списаны — оплатите картой обычным способом.`,
      );
    } finally {
      peer.decline = false;
    }
    expect((await chargesOf(who.user.id)).map((p) => p.status)).toEqual(['failed']);
    expect((await requestsOf(who.user.id)).map((r) => r.status)).toEqual(['declined']);
    expect(await send(who.digits, 'ОПЛАТА 15000')).toContain('кодом');
  });

  it('digits from someone who asked for no code are not understood', async () => {
    const who = await subscriber();
    expect(await send(who.digits, '123456')).toContain('Не поняли сообщение');
  });
});
