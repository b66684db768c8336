import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, notificationPreferences, notifications, readings, users } from '@/db/schema';
import { sendReadingReminders } from '@/lib/jobs/reading-reminders';
import { submitReadings } from '@/lib/readings/submit';
import { addVolumes, createMeteredAccount, createSubscriber, createUtilityProfile } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

// Submitting readings and the reminder job, on a real database.
// The reading window is the 15th–25th; each test passes its own "now" (November 2026).

const inWindow = new Date('2026-11-21T10:00:00Z');
const NOVEMBER = '2026-11-01';

const t = useTestDatabase();

type Household = { meter: { id: string }; userId: string; email: string };
/** A single-zone household read every month up to October. */
let ivanova: Household;
/** A day/night household whose September and October were billed by the average. */
let petrov: Household;
/** A household that has already given its November reading. */
let sidorova: Household;

async function household(...args: Parameters<typeof createMeteredAccount>): Promise<Household> {
  const { accountId, meterId } = await createMeteredAccount(...args);
  const user = await createSubscriber(t.db, accountId);
  return { meter: { id: meterId }, userId: user.id, email: user.email };
}

beforeAll(async () => {
  await createUtilityProfile(t.db);
  ivanova = await household(t.db, {
    registers: ['05', '06', '07', '08', '09', '10'].map((m, i) => [`2026-${m}-01`, { all_day: 8_000 + 200 * i }]),
  });
  petrov = await household(t.db, {
    meter: { zonePlan: 2 },
    registers: ['04', '05', '06', '07', '08'].map((m, i) => [
      `2026-${m}-01`,
      { day: 5_000 + 200 * i, night: 2_000 + 90 * i },
    ]),
  });
  await addVolumes(
    t.db,
    petrov.meter.id,
    'reading',
    ['05', '06', '07', '08'].map((m) => [`2026-${m}-01`, { day: 200, night: 90 }]),
  );
  await addVolumes(t.db, petrov.meter.id, 'average', [
    ['2026-09-01', { day: 200, night: 90 }],
    ['2026-10-01', { day: 200, night: 90 }],
  ]);
  sidorova = await household(t.db, {
    registers: ['09', '10', '11'].map((m, i) => [`2026-${m}-01`, { all_day: 3_000 + 150 * i }]),
  });
});

async function rowsFor(meterId: string, period: string) {
  return t.db
    .select({ zone: readings.zone, value: readings.value, status: readings.status, source: readings.source })
    .from(readings)
    .where(and(eq(readings.meterId, meterId), eq(readings.period, period)));
}

async function lastValue(meterId: string, zone: string): Promise<number> {
  const rows = await t.db
    .select({ value: readings.value, period: readings.period, zone: readings.zone })
    .from(readings)
    .where(and(eq(readings.meterId, meterId), eq(readings.status, 'accepted')));
  return Math.max(...rows.filter((r) => r.zone === zone && r.period < NOVEMBER).map((r) => r.value));
}

describe('submitting readings', () => {
  it('refuses fractions, values below the last reading and junk, writing nothing', async () => {
    const { meter, userId } = ivanova;
    const last = await lastValue(meter.id, 'all_day');
    for (const [raw, reason] of [
      ['123,5', /целым числом/],
      [`${last + 10}.5`, /целым числом/],
      [String(last - 1), /не может быть меньше предыдущего/],
      ['-5', /./],
      ['', /./],
      ['двенадцать', /./],
      ['9'.repeat(12), /./],
    ] as const) {
      const result = await submitReadings({
        meterId: meter.id,
        values: { all_day: raw },
        confirmImplausible: false,
        source: 'subscriber',
        userId,
        now: inWindow,
      });
      expect(result.ok, raw).toBe(false);
      if (!result.ok) expect(result.fieldErrors.zone_all_day, raw).toMatch(reason);
    }
    expect(await rowsFor(meter.id, NOVEMBER)).toEqual([]);
  });

  it('accepts a whole number (with a thousands space) for the window period, and a resubmission replaces it', async () => {
    const { meter, userId } = ivanova;
    const last = await lastValue(meter.id, 'all_day');
    const first = await submitReadings({
      meterId: meter.id,
      values: { all_day: (last + 180).toLocaleString('ru-RU') },
      confirmImplausible: false,
      source: 'subscriber',
      userId,
      now: inWindow,
    });
    expect(first).toMatchObject({ ok: true, period: NOVEMBER, nextPeriod: false, replaced: false });
    const again = await submitReadings({
      meterId: meter.id,
      values: { all_day: String(last + 185) },
      confirmImplausible: false,
      source: 'subscriber',
      userId,
      now: inWindow,
    });
    expect(again).toMatchObject({ ok: true, replaced: true, unchanged: false });
    const rows = await rowsFor(meter.id, NOVEMBER);
    expect(rows.filter((r) => r.status === 'accepted')).toEqual([
      { zone: 'all_day', value: last + 185, status: 'accepted', source: 'subscriber' },
    ]);
    expect(rows.filter((r) => r.status === 'superseded').map((r) => r.value)).toEqual([last + 180]);
  });

  it('asks to confirm an implausible jump and accepts it once confirmed', async () => {
    const { meter, userId } = petrov;
    const day = await lastValue(meter.id, 'day');
    const night = await lastValue(meter.id, 'night');
    const values = { day: String(day + 50_000), night: String(night + 100) };
    const refused = await submitReadings({
      meterId: meter.id,
      values,
      confirmImplausible: false,
      source: 'subscriber',
      userId,
      now: inWindow,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.fieldErrors.zone_day).toMatch(/намного больше обычного/);
      expect(refused.fieldErrors.confirmImplausible).toBeTruthy();
      expect(refused.fieldErrors.zone_night).toBeUndefined();
    }
    expect(await rowsFor(meter.id, NOVEMBER)).toEqual([]);
    const confirmed = await submitReadings({
      meterId: meter.id,
      values,
      confirmImplausible: true,
      source: 'subscriber',
      userId,
      now: inWindow,
    });
    expect(confirmed.ok).toBe(true);
    // Petrov's last two billed months were estimated: the answer says a recalculation follows (п. 61).
    if (confirmed.ok)
      expect(confirmed.message).toMatch(
        /сентябрь 2026, октябрь 2026 объём начисляли без показаний.*пересчитаем в следующем счёте/,
      );
    expect((await rowsFor(meter.id, NOVEMBER)).filter((r) => r.status === 'accepted')).toHaveLength(2);
  });

  it('after the window closes the reading counts for the next period, and the user is told', async () => {
    const { meter, userId } = ivanova;
    const last = await lastValue(meter.id, 'all_day');
    const result = await submitReadings({
      meterId: meter.id,
      values: { all_day: String(last + 400) },
      confirmImplausible: false,
      source: 'subscriber',
      userId,
      now: new Date('2026-11-26T06:00:00Z'),
    });
    expect(result).toMatchObject({ ok: true, period: '2026-12-01', nextPeriod: true });
    if (result.ok) expect(result.message).toMatch(/декабрь 2026/);
    expect(await rowsFor(meter.id, '2026-12-01')).toHaveLength(1);
  });

  it('many simultaneous submissions for one meter end with exactly one accepted reading per register and no error', async () => {
    const { meter, userId } = petrov;
    const day = await lastValue(meter.id, 'day');
    const night = await lastValue(meter.id, 'night');
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        submitReadings({
          meterId: meter.id,
          // Half repeat one value (a double click), half differ (two tabs).
          values: { day: String(day + 200 + (i % 2 ? i : 0)), night: String(night + 90) },
          confirmImplausible: true,
          source: 'subscriber',
          userId,
          now: inWindow,
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const accepted = (await rowsFor(meter.id, NOVEMBER)).filter((r) => r.status === 'accepted');
    expect(accepted.map((r) => r.zone).sort()).toEqual(['day', 'night']);
  });
});

describe('reading reminders', () => {
  it('mail subscribers without readings two days before the window closes, once per period', async () => {
    const origin = 'http://test.local';
    expect(await sendReadingReminders({ origin, now: new Date('2026-11-22T08:00:00Z') })).toBe(0);

    // Ivanova submitted above; Petrov submitted above; Sidorova already has November.
    // Give the reminder someone to remind: a household whose November reading is missing.
    await t.db.update(readings).set({ status: 'superseded' }).where(eq(readings.period, NOVEMBER));
    await t.db
      .update(users)
      .set({ notifyReadingReminders: false, phone: '+79001112233' })
      .where(eq(users.id, sidorova.userId));
    // Sidorova wants no letter but an SMS.
    await t.db
      .insert(notificationPreferences)
      .values({ userId: sidorova.userId, event: 'readings_window_closes', channel: 'sms', enabled: true });

    const now = new Date('2026-11-23T08:00:00Z');
    const first = await sendReadingReminders({ origin, now });
    const second = await sendReadingReminders({ origin, now: new Date('2026-11-24T08:00:00Z') });
    expect(first).toBe(2);
    expect(second).toBe(0);
    const letters = await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'reading_reminder'));
    expect(letters.map((l) => l.toAddress).sort()).toEqual([ivanova.email, petrov.email].sort());
    expect(letters[0]?.text).toContain(`${origin}/fiz/readings`);
    expect(letters[0]?.subject).toMatch(/до 25 ноября/);
    const texts = await t.db.select().from(notifications).where(eq(notifications.event, 'readings_window_closes'));
    expect(texts.map((n) => [n.userId, n.channel, n.address])).toEqual([[sidorova.userId, 'sms', '+79001112233']]);
    expect(texts[0]!.body).toContain('передайте показания за ноябрь 2026 до 25 ноября 2026');

    // After the window has closed nobody is reminded any more.
    expect(await sendReadingReminders({ origin, now: new Date('2026-11-26T08:00:00Z') })).toBe(0);
  });
});
