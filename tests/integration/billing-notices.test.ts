import { and, eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { beforeEach, describe, expect, it } from 'vitest';
import { billLines, emailOutbox, notificationPreferences, notifications } from '@/db/schema';
import { jobDefinition } from '@/lib/jobs/definitions';
import { notifyReadingWindowOpened } from '@/lib/notifications/window-notices';
import { createBill, createHousehold, createMeter, createUtilityProfile } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

const t = useTestDatabase();
const NOV = '2026-11-01';

beforeEach(async () => {
  await t.db.delete(notifications);
  await t.db.delete(emailOutbox);
});

const runJob = (name: string, data: object = {}) => jobDefinition(name)!.run(data, {} as PgBoss);

async function noticesOf(userId: string) {
  return t.db
    .select({ event: notifications.event, channel: notifications.channel, subject: notifications.subject })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(notifications.event);
}

describe('bill notices', () => {
  it('tells each account’s people of the bill and of an estimated month, once however often the job runs', async () => {
    await createUtilityProfile(t.db);
    const read = await createHousehold(t.db);
    const estimated = await createHousehold(t.db, { user: { phone: '+79005550011' } });
    const quiet = await createHousehold(t.db, { user: { notifyNewBill: false } });
    await t.db
      .insert(notificationPreferences)
      .values({ userId: estimated.user.id, event: 'bill_issued', channel: 'sms', enabled: true });
    await createBill(t.db, read.accountId, { period: NOV, amountKopecks: 123_456, dueDate: '2026-12-10' });
    const bill = await createBill(t.db, estimated.accountId, { period: NOV, amountKopecks: 98_000 });
    const meter = await createMeter(t.db, estimated.accountId);
    await t.db.insert(billLines).values({
      billId: bill.id,
      kind: 'consumption',
      meterId: meter.id,
      zone: 'all_day',
      method: 'average',
      kwh: 180,
      amountKopecks: 98_000,
      description: 'Электроэнергия по среднему',
    });
    await createBill(t.db, quiet.accountId, { period: NOV });

    // A retried job, a resumed run's second request: the same notices, not twice.
    for (let i = 0; i < 3; i++) await runJob('bill-notices', { period: NOV });

    expect(await noticesOf(read.user.id)).toEqual([
      { event: 'bill_issued', channel: 'email', subject: 'Счёт за ноябрь 2026: 1\u00a0234,56\u00a0₽' },
    ]);
    expect(await noticesOf(estimated.user.id)).toEqual([
      expect.objectContaining({ event: 'bill_issued', channel: 'email' }),
      expect.objectContaining({ event: 'bill_issued', channel: 'sms' }),
      { event: 'month_estimated', channel: 'email', subject: 'ноябрь 2026: начислено без показаний' },
    ]);
    // The e-mail switch of «bill issued» off: nothing, not even the centre's line.
    expect(await noticesOf(quiet.user.id)).toEqual([]);

    const [letter] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, read.user.email));
    expect(letter!.text).toContain(`По лицевому счёту ${read.number} выставлен счёт за ноябрь 2026`);
    expect(letter!.text).toContain('до 10.12.2026');
    expect(letter!.text).toContain('/fiz/bills');
    const sms = await t.db
      .select({ body: notifications.body })
      .from(notifications)
      .where(and(eq(notifications.userId, estimated.user.id), eq(notifications.channel, 'sms')));
    expect(sms[0]!.body).toContain(`по л/с ${estimated.number} — 980,00\u00a0₽`);
  });
});

describe('reading window notices', () => {
  it('tells metered accounts once while the window is open, and nothing outside it', async () => {
    const metered = await createHousehold(t.db);
    await createMeter(t.db, metered.accountId);
    const unmetered = await createHousehold(t.db);
    const optedOut = await createHousehold(t.db);
    await createMeter(t.db, optedOut.accountId);
    await t.db
      .insert(notificationPreferences)
      .values({ userId: optedOut.user.id, event: 'readings_window_opens', channel: 'email', enabled: false });

    // 14 December: the window (15th–25th) has not opened; 16th: open; 23rd: the closing reminder's turn.
    expect(await notifyReadingWindowOpened({ now: new Date('2026-12-14T09:00:00Z') })).toBe(0);
    const open = new Date('2026-12-16T06:00:00Z');
    // Every metered account of the file gets it (the first test's too), each once.
    expect(await notifyReadingWindowOpened({ now: open })).toBeGreaterThan(0);
    expect(await notifyReadingWindowOpened({ now: new Date('2026-12-17T06:00:00Z') })).toBe(0);
    expect(await notifyReadingWindowOpened({ now: new Date('2026-12-23T06:00:00Z') })).toBe(0);

    expect(await noticesOf(metered.user.id)).toEqual([
      { event: 'readings_window_opens', channel: 'email', subject: 'Открыт приём показаний за декабрь 2026' },
    ]);
    expect(await noticesOf(unmetered.user.id)).toEqual([]);
    expect(await noticesOf(optedOut.user.id)).toEqual([]);
    const [letter] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, metered.user.email));
    expect(letter!.text).toContain('принимаются до 25.12.2026 включительно');
  });
});
