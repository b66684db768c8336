// Staff keep the key rate and the relief periods penalties are computed with: the forms' schema, what
// the database refuses (one rate per day, no overlapping periods of a kind) and the audit line.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, keyRates, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { keyRateSchema, reliefPeriodSchema } from '@/lib/billing/key-rate-schema';
import {
  addKeyRate,
  addReliefPeriod,
  formatRatePercent,
  listKeyRates,
  listReliefPeriods,
} from '@/lib/billing/key-rates';
import { useTestDatabase } from '../support/test-db';

const t = useTestDatabase();
let staff: SessionUser;

beforeAll(async () => {
  const [row] = await t.db
    .insert(users)
    .values({
      email: 'rates@example.test',
      passwordHash: 'x',
      fullName: 'Оператор Ставок',
      role: 'operator',
      status: 'active',
    })
    .returning();
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { passwordHash: _hash, ...user } = row!;
  staff = user;
});

describe('key rates', () => {
  it('starts from the rates and relief periods in force by law', async () => {
    const rates = await listKeyRates();
    expect(rates.find((r) => r.effectiveFrom === '2022-02-28')?.rateBasisPoints).toBe(2000);
    expect(rates.find((r) => r.effectiveFrom === '2024-10-28')?.rateBasisPoints).toBe(2100);
    const reliefs = await listReliefPeriods();
    expect(reliefs.map((p) => [p.kind, p.startsOn, p.endsOn, p.capBasisPoints])).toEqual([
      ['moratorium', '2020-04-06', '2020-12-31', null],
      ['rate_cap', '2022-02-28', '2026-12-31', 950],
      ['moratorium', '2022-04-01', '2022-10-01', null],
    ]);
  });

  it('adds a rate from a day, audited, and refuses a second one for the same day', async () => {
    const input = keyRateSchema.parse({ effectiveFrom: '2030-03-16', rate: '16,5' });
    expect(input.rate).toBe(1650);
    const added = await addKeyRate(staff, input);
    expect(added.ok).toBe(true);
    const [row] = await t.db.select().from(keyRates).where(eq(keyRates.effectiveFrom, '2030-03-16'));
    expect(row).toMatchObject({ rateBasisPoints: 1650, createdBy: staff.id });
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, row!.id));
    expect(audited.map((a) => a.action)).toEqual(['key_rate.created']);

    const again = await addKeyRate(staff, keyRateSchema.parse({ effectiveFrom: '2030-03-16', rate: '17' }));
    expect(again).toMatchObject({
      ok: false,
      message: 'Ставка с 16.03.2030 уже заведена: на один день — одна ставка.',
    });
    expect(formatRatePercent(1650)).toBe('16,5\u00a0%');
  });

  it('explains a bad rate or date in Russian', () => {
    const bad = keyRateSchema.safeParse({ effectiveFrom: '2030-02-30', rate: 'пять' });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toContain('Такой даты нет: проверьте дату, с которой действует ставка');
    expect(messages).toContain('Ключевая ставка: число процентов годовых от 0,01 до 100, например 16,5');
    const noCap = reliefPeriodSchema.safeParse({
      kind: 'rate_cap',
      startsOn: '2031-01-01',
      endsOn: '2031-12-31',
      cap: '',
      basis: 'ПП',
    });
    expect(noCap.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['cap', 'Предельная ставка: процентов годовых, например 9,5'],
    ]);
  });

  it('adds a moratorium and refuses one that overlaps it', async () => {
    const first = reliefPeriodSchema.parse({
      kind: 'moratorium',
      startsOn: '2031-01-01',
      endsOn: '2031-03-31',
      basis: 'ПП РФ (тест)',
    });
    expect(await addReliefPeriod(staff, first)).toMatchObject({ ok: true });
    const overlapping = reliefPeriodSchema.parse({
      kind: 'moratorium',
      startsOn: '2031-03-01',
      endsOn: '2031-04-30',
      basis: 'ПП РФ (тест)',
    });
    expect(await addReliefPeriod(staff, overlapping)).toMatchObject({
      ok: false,
      message: 'Этот мораторий пересекается с уже заведённым: дни моратория не должны повторяться.',
    });
    // A cap over the same days is another kind: allowed.
    const cap = reliefPeriodSchema.parse({
      kind: 'rate_cap',
      startsOn: '2031-03-01',
      endsOn: '2031-04-30',
      cap: '9,5',
      basis: 'ПП РФ (тест)',
    });
    expect(await addReliefPeriod(staff, cap)).toMatchObject({ ok: true });
  });
});
