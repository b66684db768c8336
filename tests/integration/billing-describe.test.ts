// The SQL texts of the billing run (lib/billing/describe-sql.ts) against the pure ones (describe.ts) on
// a real database: the same numbers, spaces, signs and month names, character for character.
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consumptionLineDescription,
  monthName,
  periodRange,
  recalculationLineDescription,
  zoneInLine,
} from '@/lib/billing/describe';
import {
  sqlConsumptionLineDescription,
  sqlInteger,
  sqlKwh,
  sqlMonthName,
  sqlPeriod,
  sqlPeriodRange,
  sqlRecalculationLineDescription,
  sqlRub,
  sqlZoneInLine,
} from '@/lib/billing/describe-sql';
import { rowsOf } from '@/lib/billing/run-sql';
import { formatPeriod } from '@/lib/format/dates';
import { formatKwh, formatRub } from '@/lib/format/money';
import { shiftPeriod } from '@/lib/readings/window';
import type { TariffZone } from '@/lib/tariffs/zones';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t.drop();
});

async function text(expression: SQL): Promise<string> {
  const [row] = rowsOf<{ s: string }>(await t.db.execute(sql`select ${expression} as s`));
  return row!.s;
}

const big = (n: number) => sql`${n}::bigint`;
const day = (p: string) => sql`${p}::date`;
const zoneOf = (z: TariffZone) => sql`${z}::tariff_zone`;

describe('numbers', () => {
  const values = [
    0, 1, 7, 99, 100, 999, 1_000, 1_234, 12_345, 123_456, 1_234_567, 10_000_000, -1, -150, -1_000, -1_234_567,
  ];

  it('whole numbers and kWh as Intl ru-RU writes them', async () => {
    const intl = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
    for (const v of values) {
      expect(await text(sqlInteger(big(v)))).toBe(intl.format(v));
      expect(await text(sqlKwh(big(v)))).toBe(formatKwh(v));
    }
  });

  it('kopecks as roubles', async () => {
    for (const v of [...values, 5, 50, 890, 979, 1_024, 146_850, -5, -50, -146_850, 123_456_789]) {
      expect(await text(sqlRub(big(v)))).toBe(formatRub(v));
    }
  });
});

describe('periods and zones', () => {
  it('month names and periods for every month', async () => {
    for (let i = 0; i < 12; i++) {
      const period = shiftPeriod('2026-01-01', i);
      expect(await text(sqlMonthName(day(period)))).toBe(monthName(period));
      expect(await text(sqlPeriod(day(period)))).toBe(formatPeriod(period));
    }
  });

  it('ranges within a year, across years and of one month', async () => {
    for (const [from, to] of [
      ['2026-09-01', '2026-11-01'],
      ['2025-12-01', '2026-01-01'],
      ['2026-10-01', '2026-10-01'],
      ['2024-05-01', '2026-02-01'],
    ] as const) {
      expect(await text(sqlPeriodRange(day(from), day(to)))).toBe(periodRange(from, to));
    }
  });

  it('zones', async () => {
    for (const zone of ['all_day', 'day', 'night', 'peak', 'half_peak'] as const) {
      expect(await text(sqlZoneInLine(zoneOf(zone)))).toBe(zoneInLine(zone));
    }
  });
});

describe('line descriptions', () => {
  it('consumption by reading and by estimate, one meter or several', async () => {
    const cases = [
      { zone: 'all_day' as const, kwh: 235, priceKopecks: 979, meterSerial: null, estimateReason: null },
      { zone: 'half_peak' as const, kwh: 1_431, priceKopecks: 979, meterSerial: '38654109', estimateReason: null },
      {
        zone: 'night' as const,
        kwh: 132,
        priceKopecks: 274,
        meterSerial: null,
        estimateReason: 'нет показаний 4-й месяц подряд: по нормативу 4 чел. × 100 кВт·ч',
      },
    ];
    for (const c of cases) {
      const expression = sqlConsumptionLineDescription({
        zone: zoneOf(c.zone),
        kwh: big(c.kwh),
        priceKopecks: sql`${c.priceKopecks}::int`,
        meterSerial: sql`${c.meterSerial ?? 'unused'}::text`,
        severalMeters: sql`${c.meterSerial !== null}::boolean`,
        estimateReason: sql`${c.estimateReason}::text`,
      });
      expect(await text(expression)).toBe(consumptionLineDescription(c));
    }
  });

  it('recalculation', async () => {
    const c = {
      zone: 'day' as const,
      kwh: -724,
      priceKopecks: 788,
      meterSerial: '009217056004185',
      month: '2026-10-01',
      period: '2027-01-01',
      estimatedFrom: '2026-09-01',
      realKwh: 1_700,
      monthRealKwh: 700,
      monthEstimatedKwh: 1_424,
    };
    const expression = sqlRecalculationLineDescription({
      zone: zoneOf(c.zone),
      kwh: big(c.kwh),
      priceKopecks: sql`${c.priceKopecks}::int`,
      meterSerial: sql`${c.meterSerial}::text`,
      severalMeters: sql`true`,
      month: day(c.month),
      period: day(c.period),
      estimatedFrom: day(c.estimatedFrom),
      realKwh: big(c.realKwh),
      monthRealKwh: big(c.monthRealKwh),
      monthEstimatedKwh: big(c.monthEstimatedKwh),
    });
    const expected = recalculationLineDescription(c);
    expect(expected).toBe(
      'Перерасчёт (счётчик № 009217056004185), день (T1) за октябрь 2026: по счётчику 700\u00a0кВт·ч из 1\u00a0700\u00a0кВт·ч ' +
        'за сентябрь 2026 – январь 2027, начислено без показаний 1\u00a0424\u00a0кВт·ч: -724\u00a0кВт·ч × 7,88\u00a0₽',
    );
    expect(await text(expression)).toBe(expected);

    // A line that only takes back a norm billed on the one-rate line says so, without a meter share.
    const back = {
      ...c,
      zone: 'all_day' as const,
      realKwh: null,
      monthRealKwh: null,
      kwh: -400,
      monthEstimatedKwh: 400,
    };
    const backSql = sqlRecalculationLineDescription({
      zone: zoneOf(back.zone),
      kwh: big(back.kwh),
      priceKopecks: sql`${c.priceKopecks}::int`,
      meterSerial: sql`${c.meterSerial}::text`,
      severalMeters: sql`false`,
      month: day(c.month),
      period: day(c.period),
      estimatedFrom: day(c.estimatedFrom),
      realKwh: sql`null::bigint`,
      monthRealKwh: sql`null::bigint`,
      monthEstimatedKwh: big(back.monthEstimatedKwh),
    });
    const backText = recalculationLineDescription({ ...back, meterSerial: null });
    expect(backText).toBe(
      'Перерасчёт за октябрь 2026: начислено без показаний 400\u00a0кВт·ч: -400\u00a0кВт·ч × 7,88\u00a0₽',
    );
    expect(await text(backSql)).toBe(backText);
  });
});
