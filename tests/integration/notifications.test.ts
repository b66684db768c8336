import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { emailOutbox, news, notificationPreferences, notifications, users } from '@/db/schema';
import { updatePreferences } from '@/lib/auth/profile';
import { preferencesSchema } from '@/lib/auth/schemas';
import { saveNews } from '@/lib/content/news-admin';
import { newsSchema } from '@/lib/content/news-schema';
import { outageSchema } from '@/lib/content/outage-schema';
import { createOutage } from '@/lib/content/outages-admin';
import { listSmsMailbox } from '@/lib/email/mailbox';
import { notificationCentre } from '@/lib/notifications/centre';
import { notify } from '@/lib/notifications/dispatch';
import { accountsCoveredBy } from '@/lib/notifications/outage';
import { preferenceValues } from '@/lib/notifications/preferences';
import { afterQuietHours } from '@/lib/notifications/quiet-hours';
import { deliverSmsBatch } from '@/lib/notifications/sms-delivery';
import { readUnsubscribeToken, unsubscribeByToken, unsubscribeToken } from '@/lib/notifications/unsubscribe';
import { devMailboxSmsTransport, smsRuTransport, type SmsTransport } from '@/lib/sms/transport';
import { POST as oneClickUnsubscribe } from '@/app/api/unsubscribe/[token]/route';
import { createHousehold, createUser } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

const t = useTestDatabase();

// 12:00 Moscow, outside quiet hours; 23:00 Moscow inside them.
const noon = new Date('2026-11-20T09:00:00Z');
const night = new Date('2026-11-20T20:00:00Z');

beforeEach(async () => {
  await t.db.delete(notifications);
  await t.db.delete(emailOutbox);
});

async function rowsOf(userId: string) {
  return t.db.select().from(notifications).where(eq(notifications.userId, userId));
}

async function household(street: string, house: string, extra: Record<string, unknown> = {}) {
  return createHousehold(t.db, {
    account: { settlement: 'г. Тестовск', street, house },
    user: { phone: '+79001234567', ...extra },
  });
}

async function switchOn(userId: string, fields: Record<string, boolean>) {
  const [user] = await t.db.select().from(users).where(eq(users.id, userId));
  const current = await preferenceValues(t.db, userId);
  await updatePreferences(user!, preferencesSchema.parse({ ...current, ...fields }));
}

function content(text: string) {
  return () => ({
    email: { template: 'outage_notice' as const, subject: text, html: `<p>${text}</p>`, text },
    sms: text,
  });
}

const failingTransport = (): SmsTransport & { calls: number } => {
  const transport = {
    name: 'down',
    calls: 0,
    async send(): Promise<{ providerId: string }> {
      transport.calls++;
      throw new Error('SMS.ru: HTTP 503');
    },
  };
  return transport;
};

describe('preferences', () => {
  it('defaults to e-mail for everything but news, SMS off, and stores what the form posts', async () => {
    const { user } = await household('ул. Первая', '1');
    const values = await preferenceValues(t.db, user.id);
    expect(values).toMatchObject({ notifyOutages: true, newsSubscription: false, sms_outage: false });
    expect(values.email_month_estimated).toBe(true);

    await switchOn(user.id, { sms_outage: true, email_debt_notice: false });
    expect(await preferenceValues(t.db, user.id)).toMatchObject({
      sms_outage: true,
      email_debt_notice: false,
      notifyOutages: true,
    });
    const stored = await t.db
      .select()
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.userId, user.id), eq(notificationPreferences.channel, 'sms')));
    expect(stored.find((r) => r.event === 'outage')?.enabled).toBe(true);
  });

  it('notifies each recipient only on the channels they chose', async () => {
    const emailOnly = await household('ул. Вторая', '1');
    const both = await household('ул. Вторая', '2');
    const none = await household('ул. Вторая', '3');
    await switchOn(both.user.id, { sms_outage: true });
    await switchOn(none.user.id, { notifyOutages: false });

    const result = await t.db.transaction((tx) =>
      notify(tx, 'outage', [emailOnly.user.id, both.user.id, none.user.id], {
        key: 'o-1',
        now: noon,
        render: content('Отключение'),
      }),
    );
    expect(result).toEqual({ email: 2, sms: 1, push: 0 });
    expect((await rowsOf(emailOnly.user.id)).map((r) => r.channel)).toEqual(['email']);
    expect((await rowsOf(both.user.id)).map((r) => r.channel).sort()).toEqual(['email', 'sms']);
    expect(await rowsOf(none.user.id)).toEqual([]);
    const letters = await t.db.select().from(emailOutbox);
    expect(letters.map((l) => l.toAddress).sort()).toEqual([emailOnly.user.email, both.user.email].sort());
  });

  it('sends no SMS to a user without a phone', async () => {
    const { user } = await household('ул. Вторая', '4', { phone: null });
    await switchOn(user.id, { sms_outage: true });
    await t.db.transaction((tx) => notify(tx, 'outage', [user.id], { key: 'o-2', now: noon, render: content('x') }));
    expect((await rowsOf(user.id)).map((r) => r.channel)).toEqual(['email']);
  });
});

describe('quiet hours', () => {
  it('holds an SMS asked for at 23:00 Moscow time until 08:00, and sends it then', async () => {
    expect(afterQuietHours(night)).toEqual(new Date('2026-11-21T05:00:00Z'));
    expect(afterQuietHours(new Date('2026-11-21T03:00:00Z'))).toEqual(new Date('2026-11-21T05:00:00Z'));
    expect(afterQuietHours(noon)).toEqual(noon);

    const { user } = await household('ул. Третья', '1');
    await switchOn(user.id, { sms_outage: true });
    await t.db.transaction((tx) =>
      notify(tx, 'outage', [user.id], { key: 'planned-1', now: night, render: content('Плановое') }),
    );
    const [sms] = (await rowsOf(user.id)).filter((r) => r.channel === 'sms');
    expect(sms!.nextAttemptAt).toEqual(new Date('2026-11-21T05:00:00Z'));

    expect(
      await deliverSmsBatch({ now: new Date('2026-11-20T23:30:00Z'), transport: devMailboxSmsTransport }),
    ).toMatchObject({ claimed: 0 });
    expect(
      await deliverSmsBatch({ now: new Date('2026-11-21T05:01:00Z'), transport: devMailboxSmsTransport }),
    ).toMatchObject({ sent: 1 });
  });

  it('lets an emergency outage through at night', async () => {
    const { user } = await household('ул. Третья', '2');
    await switchOn(user.id, { sms_outage: true });
    await t.db.transaction((tx) =>
      notify(tx, 'outage', [user.id], { key: 'emergency-1', urgent: true, now: night, render: content('Авария') }),
    );
    const [sms] = (await rowsOf(user.id)).filter((r) => r.channel === 'sms');
    expect(sms!.nextAttemptAt).toEqual(night);
    expect(await deliverSmsBatch({ now: night, transport: devMailboxSmsTransport })).toMatchObject({ sent: 1 });
  });
});

describe('idempotency and a provider that is down', () => {
  it('queues one row and one letter per recipient and channel however often it is asked', async () => {
    const { user } = await household('ул. Четвёртая', '1');
    await switchOn(user.id, { sms_outage: true });
    for (let i = 0; i < 3; i++) {
      await t.db.transaction((tx) =>
        notify(tx, 'outage', [user.id, user.id], { key: 'same', now: noon, render: content('Один раз') }),
      );
    }
    expect(await rowsOf(user.id)).toHaveLength(2);
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, user.email))).toHaveLength(1);
  });

  it('keeps an SMS while the provider is down, retries it with back-off, and sends it once', async () => {
    const { user } = await household('ул. Четвёртая', '2');
    await switchOn(user.id, { sms_outage: true });
    await t.db.transaction((tx) =>
      notify(tx, 'outage', [user.id], { key: 'down', now: noon, render: content('Ждём') }),
    );

    const down = failingTransport();
    expect(await deliverSmsBatch({ now: noon, transport: down })).toMatchObject({ failed: 1 });
    let [sms] = (await rowsOf(user.id)).filter((r) => r.channel === 'sms');
    expect(sms).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMS.ru: HTTP 503' });
    expect(sms!.nextAttemptAt.getTime()).toBe(noon.getTime() + 60_000);
    // Not due yet: the back-off holds it.
    expect(await deliverSmsBatch({ now: new Date(noon.getTime() + 30_000), transport: down })).toMatchObject({
      claimed: 0,
    });
    expect(down.calls).toBe(1);

    const sent: string[] = [];
    const up: SmsTransport = {
      name: 'up',
      async send({ to, text }) {
        sent.push(`${to}: ${text}`);
        return { providerId: 'sms-1' };
      },
    };
    const later = new Date(noon.getTime() + 2 * 60_000);
    expect(await deliverSmsBatch({ now: later, transport: up })).toMatchObject({ sent: 1 });
    expect(await deliverSmsBatch({ now: new Date(later.getTime() + 3_600_000), transport: up })).toMatchObject({
      claimed: 0,
    });
    expect(sent).toEqual(['+79001234567: Ждём']);
    [sms] = (await rowsOf(user.id)).filter((r) => r.channel === 'sms');
    expect(sms).toMatchObject({ status: 'sent', providerId: 'sms-1', attempts: 2 });
  });
});

describe('SMS.ru adapter', () => {
  it('posts the message and reads the sms_id; a refusal is an error to retry', async () => {
    const requests: URLSearchParams[] = [];
    const answer = (body: object) => async (_url: string | URL | Request, init?: RequestInit) => {
      requests.push(init!.body as URLSearchParams);
      return new Response(JSON.stringify(body), { status: 200 });
    };
    const ok = smsRuTransport('00000000-0000-0000-0000-000000000000', {
      from: 'Energo',
      fetch: answer({
        status: 'OK',
        status_code: 100,
        sms: { '79001234567': { status: 'OK', status_code: 100, sms_id: '000000-10000000' } },
      }) as typeof fetch,
    });
    expect(await ok.send({ to: '+79001234567', text: 'Привет' })).toEqual({ providerId: '000000-10000000' });
    expect(Object.fromEntries(requests[0]!)).toMatchObject({
      to: '79001234567',
      msg: 'Привет',
      json: '1',
      from: 'Energo',
    });

    const refused = smsRuTransport('00000000-0000-0000-0000-000000000000', {
      fetch: answer({
        status: 'OK',
        sms: { '79001234567': { status: 'ERROR', status_code: 207, status_text: 'Нельзя отправлять' } },
      }) as typeof fetch,
    });
    await expect(refused.send({ to: '+79001234567', text: 'x' })).rejects.toThrow('207');
  });
});

describe('outage at my address', () => {
  it('notifies the accounts on a listed street with a house in its list, and nobody else', async () => {
    const staff = await createUser(t.db);
    const inside = await household('ул. Садовая', '7');
    const wrongHouse = await household('ул. Садовая', '40');
    const otherStreet = await household('ул. Лесная', '7');
    const wholeStreet = await household('ул. Первомайская', '3');
    const input = outageSchema.parse({
      kind: 'planned',
      settlement: 'г. Тестовск',
      street: ['ул. Садовая', 'ул. Первомайская'],
      'houses:ул. Садовая': '1–10',
      'houses:ул. Первомайская': '',
      reason: 'ремонт линии',
      startsAt: '2026-11-25T10:00',
      endsAt: '2026-11-25T16:00',
    });
    const created = await createOutage(staff, input, noon);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const covered = await t.db.transaction((tx) => accountsCoveredBy(tx, created.id));
    expect(covered.sort()).toEqual([inside.accountId, wholeStreet.accountId].sort());
    expect((await rowsOf(inside.user.id)).map((r) => r.event)).toEqual(['outage']);
    expect(await rowsOf(wholeStreet.user.id)).toHaveLength(1);
    expect(await rowsOf(wrongHouse.user.id)).toEqual([]);
    expect(await rowsOf(otherStreet.user.id)).toEqual([]);

    const centre = await notificationCentre(inside.user.id, { now: noon });
    expect(centre.rows).toMatchObject([{ channel: 'email', event: 'outage', address: inside.user.email }]);
    expect(centre.rows[0]!.subject).toContain('Плановое отключение электроэнергии: г. Тестовск');
  });

  it('shows an SMS of an emergency outage in the development mailbox at night', async () => {
    const staff = await createUser(t.db);
    const subscriber = await household('ул. Ночная', '1');
    await switchOn(subscriber.user.id, { sms_outage: true });
    const input = outageSchema.parse({
      kind: 'emergency',
      settlement: 'г. Тестовск',
      street: ['ул. Ночная'],
      'houses:ул. Ночная': '',
      reason: 'повреждение кабеля',
      startsAt: '2026-11-20T22:50',
      endsAt: '',
      estimateHours: '4',
    });
    expect((await createOutage(staff, input, night)).ok).toBe(true);
    const [sms] = await listSmsMailbox({ to: subscriber.user.email });
    expect(sms).toMatchObject({ phone: '+79001234567' });
    expect(sms!.text).toContain('аварийное отключение');
    expect(sms!.nextAttemptAt).toEqual(night);
  });
});

describe('news mailing and one-click unsubscribe', () => {
  it('mails published news to subscribers of «news» with List-Unsubscribe, and the one-click POST unsubscribes', async () => {
    const staff = await createUser(t.db);
    const reader = await household('ул. Новостная', '1', { newsSubscription: true });
    const notReader = await household('ул. Новостная', '2');
    const saved = await saveNews(
      staff,
      newsSchema.parse({ id: '', title: 'Новый офис', summary: 'Открылся офис', body: 'Текст', mode: 'now' }),
      noon,
    );
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const [letter] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, reader.user.email));
    expect(letter!.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    const header = letter!.headers!['List-Unsubscribe']!;
    expect(header).toMatch(/^<https?:\/\/[^>]+\/api\/unsubscribe\/[^>]+>$/);
    expect(letter!.text).toContain('/unsubscribe/');
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, notReader.user.email))).toEqual([]);
    const [item] = await t.db.select().from(news).where(eq(news.id, saved.id));
    expect(item!.mailedAt).toEqual(noon);

    // Saving it again mails nobody twice.
    await saveNews(
      staff,
      newsSchema.parse({ id: saved.id, title: 'Новый офис', summary: 'Открылся', body: 'Текст', mode: 'now' }),
      noon,
    );
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, reader.user.email))).toHaveLength(1);

    const token = header.slice(header.lastIndexOf('/') + 1, -1);
    const response = await oneClickUnsubscribe(
      new Request(`http://test.local/api/unsubscribe/${token}`, {
        method: 'POST',
        body: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      { params: Promise.resolve({ token }) },
    );
    expect(response.status).toBe(200);
    const [after] = await t.db.select().from(users).where(eq(users.id, reader.user.id));
    expect(after!.newsSubscription).toBe(false);
  });

  it('refuses a forged or altered token and changes nothing', async () => {
    const reader = await household('ул. Новостная', '3', { newsSubscription: true });
    const good = unsubscribeToken(reader.user.id, 'news');
    expect(readUnsubscribeToken(good)).toEqual({ userId: reader.user.id, event: 'news' });
    const other = await household('ул. Новостная', '4', { newsSubscription: true });
    const forged = [
      `${other.user.id}.news.${good.split('.')[2]}`,
      `${reader.user.id}.outage.${good.split('.')[2]}`,
      `${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`,
      'junk',
      '',
    ];
    for (const token of forged) {
      expect(await unsubscribeByToken(token)).toMatchObject({ ok: false });
      const response = await oneClickUnsubscribe(new Request('http://test.local/x', { method: 'POST' }), {
        params: Promise.resolve({ token }),
      });
      expect(response.status).toBe(403);
    }
    for (const id of [reader.user.id, other.user.id]) {
      const [row] = await t.db.select().from(users).where(eq(users.id, id));
      expect(row!.newsSubscription).toBe(true);
    }
  });
});

describe('the notification centre', () => {
  it('lists the user’s own notifications newest first, twenty to a page', async () => {
    const { user } = await household('ул. Центральная', '1');
    const other = await household('ул. Центральная', '2');
    for (let i = 0; i < 23; i++) {
      await t.db.transaction((tx) =>
        notify(tx, 'outage', [user.id, other.user.id], {
          key: `page-${i}`,
          now: new Date(noon.getTime() + i * 60_000),
          render: content(`Отключение ${i}`),
        }),
      );
    }
    const first = await notificationCentre(user.id, { now: noon });
    expect(first).toMatchObject({ total: 23, page: 1, pageCount: 2 });
    expect(first.rows.map((r) => r.subject).slice(0, 2)).toEqual(['Отключение 22', 'Отключение 21']);
    expect(first.rows.every((r) => r.address === user.email)).toBe(true);
    const second = await notificationCentre(user.id, { page: 2, now: noon });
    expect(second.rows.map((r) => r.subject)).toEqual(['Отключение 2', 'Отключение 1', 'Отключение 0']);
    // Past the last page: the last page.
    expect((await notificationCentre(user.id, { page: 9, now: noon })).page).toBe(2);
    // A delivered letter the outbox has since forgotten still reads as sent.
    await t.db.delete(emailOutbox);
    expect((await notificationCentre(user.id, { now: noon })).rows[0]!.state).toBe('sent');
  });
});
