import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, inboundMessages, notifications, readings, users } from '@/db/schema';
import { inboundEmailSecret, readingReplyAddress, readReplyAddress, smsCallbackKey } from '@/lib/inbound/config';
import { receiveInboundEmail } from '@/lib/inbound/email';
import { receiveSmsCallback } from '@/lib/inbound/sms';
import { commandOf } from '@/lib/inbound/sms-commands';
import { smsRuCallbackBody } from '@/lib/inbound/smsru-callback';
import { svixHeaders } from '@/lib/inbound/svix-signature';
import { sendReadingReminders } from '@/lib/jobs/reading-reminders';
import { createMeteredAccount, createSubscriber, createUtilityProfile } from '../support/factories';
import type { TariffZone } from '@/lib/tariffs/zones';
import { useTestDatabase } from '../support/test-db';

// Readings by reply, on a real database: a reply letter through Resend's signed inbound webhook
// and an SMS through SMS.ru's callback, both applied by the cabinet form's own rules.
// The reading window is the 15th–25th; November 2026 is the period.

const t = useTestDatabase();
const now = new Date('2026-11-21T10:00:00Z');
const NOVEMBER = '2026-11-01';

type Household = { accountId: string; number: string; meterId: string; userId: string; email: string };

async function household(options: { zonePlan?: 1 | 2; phone?: string } = {}): Promise<Household> {
  const registers: [string, Partial<Record<TariffZone, number>>][] = ['08', '09', '10'].map((m, i) => [
    `2026-${m}-01`,
    options.zonePlan === 2 ? { day: 5_000 + 200 * i, night: 2_000 + 90 * i } : { all_day: 8_000 + 200 * i },
  ]);
  const created = await createMeteredAccount(t.db, { meter: { zonePlan: options.zonePlan ?? 1 }, registers });
  const user = await createSubscriber(t.db, created.accountId, { phone: options.phone ?? null });
  return { ...created, userId: user.id, email: user.email };
}

let emailSeq = 0;
function replyDelivery(from: string, to: string, text: string, emailId = `email-${++emailSeq}`) {
  const body = JSON.stringify({
    type: 'email.received',
    created_at: now.toISOString(),
    data: { email_id: emailId, from, to: [to], subject: 'Re: Передайте показания', text },
  });
  return { emailId, body, headers: new Headers(svixHeaders(inboundEmailSecret()!, `msg_${emailId}`, body, now)) };
}

async function novemberOf(meterId: string) {
  return t.db
    .select({ zone: readings.zone, value: readings.value, source: readings.source })
    .from(readings)
    .where(and(eq(readings.meterId, meterId), eq(readings.period, NOVEMBER), eq(readings.status, 'accepted')));
}

const repliesTo = (address: string) =>
  t.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, address), eq(emailOutbox.template, 'readings_reply')));

beforeAll(async () => {
  await createUtilityProfile(t.db);
});

describe('readings by a reply letter', () => {
  it('the reminder carries a signed reply address for its account', async () => {
    const h = await household();
    await sendReadingReminders({ origin: 'http://test.local', now: new Date('2026-11-23T08:00:00Z') });
    const [letter] = await t.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, h.email), eq(emailOutbox.template, 'reading_reminder')));
    const replyTo = letter?.headers?.['Reply-To'];
    expect(replyTo).toMatch(/^readings\+[a-z2-7]+\d{6}[a-z2-7]+@/);
    expect(readReplyAddress([`Показания <${replyTo}>`])).toEqual({ accountId: h.accountId, period: NOVEMBER });
    expect(letter?.text).toContain('Можно просто ответить на это письмо');
  });

  it('refuses an unsigned or forged delivery with 401 and writes nothing', async () => {
    const h = await household();
    const good = replyDelivery(h.email, readingReplyAddress(h.accountId, NOVEMBER)!, '8700');
    const unsigned = await receiveInboundEmail(good.body, new Headers(), { now });
    const forgedHeaders = new Headers(good.headers);
    forgedHeaders.set('svix-signature', `v1,${Buffer.from('forged'.repeat(6)).toString('base64')}`);
    const forged = await receiveInboundEmail(good.body, forgedHeaders, { now });
    const tampered = await receiveInboundEmail(good.body.replace('8700', '9999'), good.headers, { now });
    expect([unsigned.status, forged.status, tampered.status]).toEqual([401, 401, 401]);
    expect(await novemberOf(h.meterId)).toEqual([]);
    expect(
      await t.db.select().from(inboundMessages).where(eq(inboundMessages.providerMessageId, good.emailId)),
    ).toEqual([]);
    expect(await repliesTo(h.email)).toEqual([]);
  });

  it('accepts the reply by the form rules, answers once, and a retried webhook writes nothing more', async () => {
    const h = await household();
    const text = [
      '8650',
      '',
      'чт, 19 нояб. 2026 г. в 10:00, Энергокабинет <noreply@energokabinet.local>:',
      '> 1234',
    ].join('\n');
    const delivery = replyDelivery(
      `Иван <${h.email.toUpperCase()}>`,
      readingReplyAddress(h.accountId, NOVEMBER)!,
      text,
    );
    expect(await receiveInboundEmail(delivery.body, delivery.headers, { now })).toEqual({ status: 200, body: 'ok' });
    expect(await receiveInboundEmail(delivery.body, delivery.headers, { now })).toEqual({
      status: 200,
      body: 'duplicate',
    });
    expect(await novemberOf(h.meterId)).toEqual([{ zone: 'all_day', value: 8650, source: 'subscriber' }]);
    const replies = await repliesTo(h.email);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.subject).toBe('Показания приняты');
    expect(replies[0]!.text).toContain('8\u00a0650\u00a0кВт·ч');
  });

  it('answers why a reading is refused, with the form’s reason, and keeps nothing', async () => {
    const h = await household({ zonePlan: 2 });
    const address = readingReplyAddress(h.accountId, NOVEMBER)!;
    const low = replyDelivery(h.email, address, 'Т1 5100; Т2 2300');
    await receiveInboundEmail(low.body, low.headers, { now });
    const fraction = replyDelivery(h.email, address, 'день 5500,5 ночь 2300');
    await receiveInboundEmail(fraction.body, fraction.headers, { now });
    const unclear = replyDelivery(h.email, address, '5500');
    await receiveInboundEmail(unclear.body, unclear.headers, { now });
    expect(await novemberOf(h.meterId)).toEqual([]);
    const texts = (await repliesTo(h.email)).map((r) => r.text);
    expect(texts.every((text) => text.includes('не приняты') || text.includes('Не удалось разобрать'))).toBe(true);
    expect(texts.join('\n')).toMatch(/меньше предыдущего/);
    expect(texts.join('\n')).toMatch(/целым числом/);
    const both = replyDelivery(h.email, address, 'T1=5500 T2=2300');
    await receiveInboundEmail(both.body, both.headers, { now });
    expect((await novemberOf(h.meterId)).map((r) => [r.zone, r.value]).sort()).toEqual([
      ['day', 5500],
      ['night', 2300],
    ]);
  });

  it('a token for a foreign account or an unknown sender writes nothing and answers politely', async () => {
    const owner = await household();
    const neighbour = await household();
    const foreign = replyDelivery(neighbour.email, readingReplyAddress(owner.accountId, NOVEMBER)!, '8700');
    expect((await receiveInboundEmail(foreign.body, foreign.headers, { now })).status).toBe(200);
    const stranger = replyDelivery('stranger@example.test', readingReplyAddress(owner.accountId, NOVEMBER)!, '8700');
    expect((await receiveInboundEmail(stranger.body, stranger.headers, { now })).status).toBe(200);
    const noToken = replyDelivery(owner.email, 'readings+nothing@reply.energokabinet.local', '8700');
    expect((await receiveInboundEmail(noToken.body, noToken.headers, { now })).status).toBe(200);
    expect(await novemberOf(owner.meterId)).toEqual([]);
    expect(await novemberOf(neighbour.meterId)).toEqual([]);
    const [toNeighbour] = await repliesTo(neighbour.email);
    expect(toNeighbour?.text).toContain('только с адреса электронной почты, указанного в личном кабинете');
    expect(await repliesTo('stranger@example.test')).toHaveLength(1);
    expect((await repliesTo(owner.email))[0]?.text).toContain('не нашли, к какому лицевому счёту');
    const outcomes = await t.db
      .select({ outcome: inboundMessages.outcome, accountId: inboundMessages.accountId })
      .from(inboundMessages)
      .where(eq(inboundMessages.providerMessageId, foreign.emailId));
    expect(outcomes).toEqual([{ outcome: 'unknown_sender', accountId: null }]);
  });
});

describe('readings by SMS', () => {
  const sms = (id: string, from: string, text: string) =>
    smsRuCallbackBody(smsCallbackKey()!, [{ id, from, text, at: now }]);
  const answersTo = (phone: string) =>
    t.db
      .select({ userId: notifications.userId, body: notifications.body, status: notifications.status })
      .from(notifications)
      .where(and(eq(notifications.address, phone), eq(notifications.event, 'inbound_reply')));

  it('routes the command word, however it is written', () => {
    expect(commandOf('показания: 12345')?.args).toBe('12345');
    expect(commandOf('ПОКАЗАНИЯ день 1 ночь 2')?.command.words[0]).toBe('ПОКАЗАНИЯ');
    expect(commandOf('ОПЛАТА 100')?.args).toBe('100');
    expect(commandOf('СПРАВКА 100')).toBeNull();
    expect(commandOf('12345')).toBeNull();
  });

  it('accepts «ПОКАЗАНИЯ 12345» from the phone on the account, answers by SMS, once per message', async () => {
    const h = await household({ phone: '+7 (916) 245-18-73' });
    const body = sms('sms-1', '79162451873', 'ПОКАЗАНИЯ 8800');
    expect(await receiveSmsCallback(body, { now })).toEqual({ status: 200, body: '100' });
    expect(await receiveSmsCallback(body, { now })).toEqual({ status: 200, body: '100' });
    expect(await novemberOf(h.meterId)).toEqual([{ zone: 'all_day', value: 8800, source: 'subscriber' }]);
    const answers = await answersTo('+79162451873');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ userId: h.userId });
    expect(answers[0]!.body).toContain(`Лицевой счёт ${h.number}. Показания за ноябрь 2026 приняты`);
  });

  it('refuses a forged callback and answers an unknown phone politely, writing no readings', async () => {
    const h = await household({ phone: '+7 (903) 517-62-40' });
    const forged = sms('sms-2', '79035176240', 'ПОКАЗАНИЯ 8800').replace(/hash=[0-9a-f]+/, `hash=${'0'.repeat(64)}`);
    expect((await receiveSmsCallback(forged, { now })).status).toBe(401);
    expect(await t.db.select().from(inboundMessages).where(eq(inboundMessages.providerMessageId, 'sms-2'))).toEqual([]);

    expect((await receiveSmsCallback(sms('sms-3', '79990000000', 'ПОКАЗАНИЯ 8800'), { now })).status).toBe(200);
    expect(await novemberOf(h.meterId)).toEqual([]);
    const [answer] = await answersTo('+79990000000');
    expect(answer).toMatchObject({ userId: null });
    expect(answer!.body).toContain('не указан ни в одном личном кабинете');

    await receiveSmsCallback(sms('sms-4', '79035176240', 'привет'), { now });
    expect((await answersTo('+79035176240'))[0]?.body).toContain('ПОКАЗАНИЯ 12345');
    expect(await novemberOf(h.meterId)).toEqual([]);
    const [user] = await t.db.select({ phone: users.phone }).from(users).where(eq(users.id, h.userId));
    expect(user?.phone).toBe('+7 (903) 517-62-40');
  });
});
