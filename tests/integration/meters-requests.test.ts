import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { meters, readings } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { listMetersOfAccounts, listPendingMeters, meterPhoto } from '@/lib/meters/list';
import { PHOTO_MAX_BYTES } from '@/lib/meters/photo';
import { confirmMeter, MAX_PENDING_PER_ACCOUNT, rejectMeter, requestMeter } from '@/lib/meters/requests';
import { consumptionByPeriod } from '@/lib/readings/consumption';
import { metersForReadings } from '@/lib/readings/cabinet';
import { submitReadings } from '@/lib/readings/submit';
import {
  createAccount,
  createMeteredAccount,
  createSubscriber,
  createUser,
  createUtilityProfile,
} from '../support/factories';
import { useTestDatabase } from '../support/test-db';

// lib/auth/session.ts imports Auth.js, which needs the Next.js runtime; no cookie is read here.
vi.mock('@/auth', () => ({ auth: async () => null }));

// A subscriber asks to add a meter, staff confirm it with the initial readings
// (or reject it), and the subscriber's first reading is measured from the initial one.
// On 21 November 2026 (inside the 15–25 window: readings are taken for November).

const now = new Date('2026-11-21T10:00:00Z');
const NOVEMBER = '2026-11-01';
const OCTOBER = '2026-10-01';

// The smallest valid images: the check reads the first bytes, not the name.
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0,
  0, 0,
]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 26, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4c]);

const t = useTestDatabase();
let ivanova: SessionUser;
let petrov: SessionUser;
let staff: SessionUser;
let account1: string; // 50010001, Ivanova's
let account2: string; // 50010002, Petrov's
let sidorova: SessionUser;
let account3: string;

async function meterRow(id: string) {
  const [row] = await t.db.select().from(meters).where(eq(meters.id, id));
  return row!;
}

let serialCounter = 0;
const nextSerial = () => `77${String(++serialCounter).padStart(6, '0')}`;

async function requestOk(input: Partial<Parameters<typeof requestMeter>[1]> = {}, user = ivanova) {
  const result = await requestMeter(
    user,
    { accountId: account1, serialNumber: nextSerial(), zonePlan: 2, installedAt: '2026-11-10', ...input },
    now,
  );
  if (!result.ok) throw new Error(`request refused: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.meterId;
}

/** Rejects the account's open requests, so a test starts below the cap on open requests. */
async function clearPending(accountId: string) {
  const open = await t.db
    .select({ id: meters.id })
    .from(meters)
    .where(and(eq(meters.accountId, accountId), eq(meters.status, 'pending_confirmation')));
  for (const m of open) await rejectMeter(staff, { meterId: m.id, reason: 'Освобождаем очередь для теста' });
}

beforeAll(async () => {
  await createUtilityProfile(t.db);
  staff = await createUser(t.db);
  account1 = (
    await createMeteredAccount(t.db, {
      account: {
        number: '50010001',
        holderName: 'Иванова Мария Петровна',
        street: 'ул. Советская',
        house: '12',
        flat: '34',
      },
      meter: { serialNumber: '41235872' },
      registers: [
        ['2026-09-01', { all_day: 12_000 }],
        ['2026-10-01', { all_day: 12_180 }],
      ],
    })
  ).accountId;
  ivanova = await createSubscriber(t.db, account1, {
    fullName: 'Иванова Мария Петровна',
    email: 'ivanova@example.test',
  });
  // Petrov's two-zone meter is due for verification in January.
  account2 = (
    await createMeteredAccount(t.db, {
      account: { number: '50010002' },
      meter: { serialNumber: '009217056004185', zonePlan: 2, verificationDue: '2027-01-15' },
      registers: [['2026-10-01', { day: 30_000, night: 11_000 }]],
    })
  ).accountId;
  petrov = await createSubscriber(t.db, account2);
  account3 = (await createAccount(t.db)).id;
  sidorova = await createSubscriber(t.db, account3);
});

describe('request → confirm → first reading', () => {
  it('a confirmed 2-zone meter has initial readings for October, and the first November reading is measured from them', async () => {
    const serial = nextSerial();
    const request = await requestMeter(
      ivanova,
      {
        accountId: account1,
        serialNumber: ` № ${serial.slice(0, 4)} ${serial.slice(4)} `,
        zonePlan: '2',
        installedAt: '2026-11-12',
        model: 'Меркурий 200',
      },
      now,
    );
    expect(request.ok).toBe(true);
    if (!request.ok) return;
    const pending = await meterRow(request.meterId);
    expect(pending).toMatchObject({
      serialNumber: serial,
      status: 'pending_confirmation',
      zonePlan: 2,
      installedAt: '2026-11-12',
      requestedBy: ivanova.id,
      model: 'Меркурий 200',
    });

    // Not active yet: the subscriber cannot submit readings for it.
    const early = await submitReadings({
      meterId: request.meterId,
      values: { day: '10', night: '5' },
      confirmImplausible: false,
      source: 'subscriber',
      userId: ivanova.id,
      now,
    });
    expect(early.ok).toBe(false);

    const queue = await listPendingMeters();
    const queued = queue.find((m) => m.id === request.meterId);
    expect(queued).toMatchObject({
      serialNumber: serial,
      zones: ['day', 'night'],
      hasPhoto: false,
      account: {
        number: '50010001',
        holderName: 'Иванова Мария Петровна',
        address: 'г. Истра, ул. Советская, д. 12, кв. 34',
      },
      requestedBy: { fullName: 'Иванова Мария Петровна', email: 'ivanova@example.test' },
    });

    const confirmed = await confirmMeter(
      staff,
      { meterId: request.meterId, verificationDue: '2042-11-11', initial: { day: '1 250', night: '430' } },
      now,
    );
    expect(confirmed).toMatchObject({ ok: true, period: OCTOBER });
    expect(await meterRow(request.meterId)).toMatchObject({ status: 'active', verificationDue: '2042-11-11' });
    const initial = await t.db
      .select({
        zone: readings.zone,
        value: readings.value,
        period: readings.period,
        source: readings.source,
        submittedBy: readings.submittedBy,
      })
      .from(readings)
      .where(eq(readings.meterId, request.meterId))
      .orderBy(asc(readings.zone));
    expect(initial).toEqual([
      { zone: 'day', value: 1250, period: OCTOBER, source: 'initial', submittedBy: staff.id },
      { zone: 'night', value: 430, period: OCTOBER, source: 'initial', submittedBy: staff.id },
    ]);

    // The subscriber's form shows the initial readings as the previous ones…
    const [forReadings] = (await metersForReadings([account1], NOVEMBER)).filter((m) => m.id === request.meterId);
    expect(forReadings?.registers.map((r) => [r.zone, r.previous])).toEqual([
      ['day', { value: 1250, period: OCTOBER }],
      ['night', { value: 430, period: OCTOBER }],
    ]);
    // …a value below them is refused…
    const below = await submitReadings({
      meterId: request.meterId,
      values: { day: '1249', night: '440' },
      confirmImplausible: false,
      source: 'subscriber',
      userId: ivanova.id,
      now,
    });
    expect(below.ok).toBe(false);
    if (!below.ok) expect(below.fieldErrors.zone_day).toMatch(/не может быть меньше предыдущего/);
    // …and the first reading's consumption is counted from them.
    const first = await submitReadings({
      meterId: request.meterId,
      values: { day: '1400', night: '480' },
      confirmImplausible: false,
      source: 'subscriber',
      userId: ivanova.id,
      now,
    });
    expect(first).toMatchObject({ ok: true, period: NOVEMBER });
    const all = await t.db
      .select()
      .from(readings)
      .where(and(eq(readings.meterId, request.meterId), eq(readings.status, 'accepted')));
    const consumption = consumptionByPeriod(
      all.filter((r) => r.source !== 'initial').map((r) => ({ period: r.period, zone: r.zone, value: r.value })),
      all.filter((r) => r.source === 'initial').map((r) => ({ zone: r.zone, value: r.value })),
    );
    expect(consumption.map((c) => [c.zone, c.consumption])).toEqual([
      ['day', 150],
      ['night', 50],
    ]);

    // The subscriber's list shows it active with the verification flag.
    const mine = await listMetersOfAccounts([account1], now);
    expect(mine.find((m) => m.id === request.meterId)).toMatchObject({
      status: 'active',
      verification: 'ok',
      zones: ['day', 'night'],
    });
  });

  it('validates the initial readings (whole kWh ≥ 0, every zone) and the due date, writing nothing', async () => {
    const meterId = await requestOk({ zonePlan: 3 });
    for (const [initial, field, reason] of [
      [{ peak: '10,5', half_peak: '1', night: '1' }, 'zone_peak', /целым числом/],
      [{ peak: '-1', half_peak: '1', night: '1' }, 'zone_peak', /отрицательным/],
      [{ peak: '1', half_peak: '', night: '1' }, 'zone_half_peak', /Введите показание/],
      [{ peak: '1', half_peak: '1', night: 'abc' }, 'zone_night', /цифрами/],
    ] as const) {
      const result = await confirmMeter(staff, { meterId, initial }, now);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors[field]).toMatch(reason);
    }
    const badDue = await confirmMeter(
      staff,
      { meterId, verificationDue: '2026-11-01', initial: { peak: '0', half_peak: '0', night: '0' } },
      now,
    );
    expect(badDue.ok).toBe(false);
    if (!badDue.ok) expect(badDue.fieldErrors.verificationDue).toMatch(/позже даты установки/);
    expect(await meterRow(meterId)).toMatchObject({ status: 'pending_confirmation' });
    expect(await t.db.select().from(readings).where(eq(readings.meterId, meterId))).toEqual([]);

    // Zero is a valid register (a brand-new meter).
    expect(
      await confirmMeter(staff, { meterId, initial: { peak: '0', half_peak: '0', night: '0' } }, now),
    ).toMatchObject({ ok: true });
    expect((await meterRow(meterId)).verificationDue).toBeNull();
  });

  it('after the window closes the initial readings go to the month before the next period', async () => {
    const meterId = await requestOk({ zonePlan: 1 });
    const afterWindow = new Date('2026-11-27T10:00:00Z');
    expect(await confirmMeter(staff, { meterId, initial: { all_day: '5' } }, afterWindow)).toMatchObject({
      ok: true,
      period: NOVEMBER,
    });
  });
});

describe('decisions', () => {
  it('a rejected request stays rejected, cannot be confirmed, and can be sent again with the same serial', async () => {
    const serial = nextSerial();
    const meterId = await requestOk({ serialNumber: serial });
    const emptyReason = await rejectMeter(staff, { meterId, reason: '  ' });
    expect(emptyReason.ok).toBe(false);
    if (!emptyReason.ok) expect(emptyReason.fieldErrors.reason).toMatch(/Причина отказа/);

    expect(await rejectMeter(staff, { meterId, reason: 'На фото другой счётчик' })).toMatchObject({ ok: true });
    expect(await meterRow(meterId)).toMatchObject({ status: 'rejected' });
    const late = await confirmMeter(staff, { meterId, initial: { day: '1', night: '1' } }, now);
    expect(late).toMatchObject({ ok: false, message: expect.stringMatching(/уже отклонил другой сотрудник/) });
    expect(await t.db.select().from(readings).where(eq(readings.meterId, meterId))).toEqual([]);
    expect((await listPendingMeters()).some((m) => m.id === meterId)).toBe(false);

    const again = await requestMeter(
      ivanova,
      { accountId: account1, serialNumber: serial, zonePlan: 1, installedAt: '2026-11-11' },
      now,
    );
    expect(again).toMatchObject({ ok: true, meterId });
    expect(await meterRow(meterId)).toMatchObject({
      status: 'pending_confirmation',
      zonePlan: 1,
      installedAt: '2026-11-11',
    });
  });

  it('two staff confirming (or confirming and rejecting) at once: exactly one wins, the other is told in Russian', async () => {
    const meterId = await requestOk();
    const initial = { day: '100', night: '50' };
    const results = await Promise.all([
      confirmMeter(staff, { meterId, initial }, now),
      confirmMeter(staff, { meterId, initial }, now),
      rejectMeter(staff, { meterId, reason: 'Дубль' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const loser of results.filter((r) => !r.ok)) {
      expect(loser.message).toMatch(/уже (подтвердил|отклонил) другой сотрудник/);
    }
    const status = (await meterRow(meterId)).status;
    const rows = await t.db.select().from(readings).where(eq(readings.meterId, meterId));
    expect(rows).toHaveLength(status === 'active' ? 2 : 0);
  });
});

describe('request validation', () => {
  it('a duplicate serial on the account is a field error, not a 500 — also when sent twice at once', async () => {
    expect(
      await requestMeter(
        ivanova,
        { accountId: account1, serialNumber: '41235872', zonePlan: 1, installedAt: '2026-11-01' },
        now,
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { serialNumber: expect.stringMatching(/уже подключён к этому лицевому счёту/) },
    });
    const serial = nextSerial();
    const both = await Promise.all([
      requestMeter(ivanova, { accountId: account1, serialNumber: serial, zonePlan: 1, installedAt: '2026-11-01' }, now),
      requestMeter(ivanova, { accountId: account1, serialNumber: serial, zonePlan: 1, installedAt: '2026-11-01' }, now),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const loser = both.find((r) => !r.ok);
    expect(loser).toMatchObject({
      fieldErrors: { serialNumber: expect.stringMatching(/уже отправлена и ждёт подтверждения/) },
    });
    // The same serial on another account is another meter.
    expect(
      await requestMeter(
        petrov,
        { accountId: account2, serialNumber: serial, zonePlan: 1, installedAt: '2026-11-01' },
        now,
      ),
    ).toMatchObject({ ok: true });
  });

  it('refuses someone else’s account, a future installation date and junk fields', async () => {
    expect(
      await requestMeter(
        petrov,
        { accountId: account1, serialNumber: nextSerial(), zonePlan: 1, installedAt: '2026-11-01' },
        now,
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { accountId: expect.any(String) },
    });
    expect(
      await requestMeter(
        ivanova,
        { accountId: account1, serialNumber: nextSerial(), zonePlan: 1, installedAt: '2026-11-22' },
        now,
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { installedAt: expect.stringMatching(/не может быть позже сегодняшней/) },
    });
    const junk = await requestMeter(
      ivanova,
      { accountId: account1, serialNumber: '!', zonePlan: '4' as '1', installedAt: '2026-02-30' },
      now,
    );
    expect(junk.ok).toBe(false);
    if (!junk.ok) expect(Object.keys(junk.fieldErrors).sort()).toEqual(['installedAt', 'serialNumber', 'zonePlan']);
  });

  it('photo: JPEG / PNG / WebP by their bytes up to 2 MB, stored as a data: URL; anything else is a field error', async () => {
    await clearPending(account1);
    const withPng = await requestOk({ photo: new File([PNG], 'табличка.png', { type: 'image/png' }) });
    expect((await meterRow(withPng)).nameplatePhoto).toBe(
      `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`,
    );
    expect(await meterPhoto(withPng)).toMatchObject({ type: 'image/png' });
    // The name and the declared type do not matter: the bytes do.
    const jpegNamedOddly = await requestOk({
      photo: new File([JPEG], 'photo.bin', { type: 'application/octet-stream' }),
    });
    expect((await meterRow(jpegNamedOddly)).nameplatePhoto).toMatch(/^data:image\/jpeg;base64,/);
    const webp = await requestOk({ photo: new Blob([WEBP]) });
    expect((await meterRow(webp)).nameplatePhoto).toMatch(/^data:image\/webp;base64,/);
    expect((await listPendingMeters()).find((m) => m.id === withPng)?.hasPhoto).toBe(true);

    const refused: [File, RegExp][] = [
      [new File(['<script>alert(1)</script>'], 'nameplate.jpg', { type: 'image/jpeg' }), /JPEG, PNG или WebP/],
      [
        new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'nameplate.svg', { type: 'image/svg+xml' }),
        /JPEG, PNG или WebP/,
      ],
      [
        new File([Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61])], 'a.gif', { type: 'image/gif' }),
        /JPEG, PNG или WebP/,
      ],
      [new File([JPEG, new Uint8Array(PHOTO_MAX_BYTES)], 'big.jpg', { type: 'image/jpeg' }), /больше 2 МБ/],
    ];
    for (const [file, reason] of refused) {
      const serial = nextSerial();
      const result = await requestMeter(
        ivanova,
        { accountId: account1, serialNumber: serial, zonePlan: 1, installedAt: '2026-11-01', photo: file },
        now,
      );
      expect(result.ok, file.name).toBe(false);
      if (!result.ok) expect(result.fieldErrors.photo, file.name).toMatch(reason);
      expect(await t.db.select().from(meters).where(eq(meters.serialNumber, serial))).toEqual([]);
    }
    // An empty file input (what a browser posts when no file is chosen) is no photo, not an error.
    const noFile = await requestOk({ photo: new File([], 'undefined', { type: 'application/octet-stream' }) });
    expect((await meterRow(noFile)).nameplatePhoto).toBeNull();
    // Exactly 2 MB is allowed.
    const atLimit = await requestOk(
      { accountId: account2, photo: new File([JPEG, new Uint8Array(PHOTO_MAX_BYTES - JPEG.length)], 'limit.jpg') },
      petrov,
    );
    expect(atLimit).toBeTruthy();
  });

  it('caps the open requests of one account', async () => {
    for (let i = 0; i < MAX_PENDING_PER_ACCOUNT; i++) await requestOk({ accountId: account3 }, sidorova);
    const over = await requestMeter(
      sidorova,
      { accountId: account3, serialNumber: nextSerial(), zonePlan: 1, installedAt: '2026-11-01' },
      now,
    );
    expect(over).toMatchObject({ ok: false, message: expect.stringMatching(/ждут подтверждения/) });
  });
});

describe('the subscriber’s list', () => {
  it('flags 50010002’s meter as due for verification soon, and lists pending requests of the user’s accounts only', async () => {
    const list = await listMetersOfAccounts([account2], now);
    const seeded = list.find((m) => m.serialNumber === '009217056004185');
    expect(seeded).toMatchObject({ status: 'active', verification: 'soon', zonePlan: 2, accountNumber: '50010002' });
    expect(seeded?.verificationDaysLeft).toBeGreaterThan(0);
    expect(seeded?.verificationDaysLeft).toBeLessThanOrEqual(92);
    expect(list.every((m) => m.accountId === account2)).toBe(true);
    expect(await listMetersOfAccounts([], now)).toEqual([]);
  });
});
