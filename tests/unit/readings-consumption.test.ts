import { describe, expect, it } from 'vitest';
import { consumptionByPeriod, validateNewReading } from '@/lib/readings/consumption';

describe('consumptionByPeriod', () => {
  it('measures the first month from the initial reading and each next one from the previous month', () => {
    const rows = consumptionByPeriod(
      [
        { period: '2026-03-01', zone: 'all_day', value: 420 },
        { period: '2026-01-01', zone: 'all_day', value: 150 },
        { period: '2026-02-01', zone: 'all_day', value: 300 },
      ],
      [{ zone: 'all_day', value: 12 }],
    );
    expect(rows).toEqual([
      { period: '2026-01-01', zone: 'all_day', reading: 150, consumption: 138, previousPeriod: null },
      { period: '2026-02-01', zone: 'all_day', reading: 300, consumption: 150, previousPeriod: '2026-01-01' },
      { period: '2026-03-01', zone: 'all_day', reading: 420, consumption: 120, previousPeriod: '2026-02-01' },
    ]);
  });

  it('keeps zones apart and lists them in register order, across a year boundary', () => {
    const rows = consumptionByPeriod(
      [
        { period: '2026-01-01', zone: 'night', value: 560 },
        { period: '2026-01-01', zone: 'day', value: 1250 },
        { period: '2025-12-01', zone: 'night', value: 500 },
        { period: '2025-12-01', zone: 'day', value: 1100 },
      ],
      [
        { zone: 'night', value: 440 },
        { zone: 'day', value: 1000 },
      ],
    );
    expect(rows.map((r) => [r.period, r.zone, r.consumption])).toEqual([
      ['2025-12-01', 'day', 100],
      ['2025-12-01', 'night', 60],
      ['2026-01-01', 'day', 150],
      ['2026-01-01', 'night', 60],
    ]);
  });

  it('orders three zones peak, half-peak, night', () => {
    const rows = consumptionByPeriod(
      [
        { period: '2026-05-01', zone: 'night', value: 30 },
        { period: '2026-05-01', zone: 'half_peak', value: 20 },
        { period: '2026-05-01', zone: 'peak', value: 10 },
      ],
      [
        { zone: 'peak', value: 0 },
        { zone: 'half_peak', value: 0 },
        { zone: 'night', value: 0 },
      ],
    );
    expect(rows.map((r) => r.zone)).toEqual(['peak', 'half_peak', 'night']);
  });

  it('without an initial reading the earliest one is only a baseline', () => {
    const rows = consumptionByPeriod(
      [
        { period: '2026-01-01', zone: 'all_day', value: 5000 },
        { period: '2026-02-01', zone: 'all_day', value: 5180 },
      ],
      undefined,
    );
    expect(rows.map((r) => r.consumption)).toEqual([null, 180]);
  });

  it('measures across missing months and says from which period', () => {
    const rows = consumptionByPeriod(
      [
        { period: '2026-01-01', zone: 'all_day', value: 100 },
        { period: '2026-04-01', zone: 'all_day', value: 550 },
      ],
      [{ zone: 'all_day', value: 0 }],
    );
    expect(rows[1]).toEqual({
      period: '2026-04-01',
      zone: 'all_day',
      reading: 550,
      consumption: 450,
      previousPeriod: '2026-01-01',
    });
  });

  it('allows a month without use', () => {
    const rows = consumptionByPeriod(
      [{ period: '2026-01-01', zone: 'all_day', value: 100 }],
      [{ zone: 'all_day', value: 100 }],
    );
    expect(rows[0]?.consumption).toBe(0);
  });

  it('treats a replacement meter as its own sequence: the caller runs it per meter and joins', () => {
    const old = consumptionByPeriod(
      [
        { period: '2026-01-01', zone: 'all_day', value: 48_100 },
        { period: '2026-02-01', zone: 'all_day', value: 48_260 },
      ],
      [{ zone: 'all_day', value: 48_000 }],
    );
    const replacement = consumptionByPeriod(
      [{ period: '2026-03-01', zone: 'all_day', value: 140 }],
      [{ zone: 'all_day', value: 0 }],
    );
    expect([...old, ...replacement].map((r) => r.consumption)).toEqual([100, 160, 140]);
    // Mixed into one sequence the new meter's small register looks like a register going down.
    expect(() =>
      consumptionByPeriod(
        [
          { period: '2026-02-01', zone: 'all_day', value: 48_260 },
          { period: '2026-03-01', zone: 'all_day', value: 140 },
        ],
        undefined,
      ),
    ).toThrow(RangeError);
  });

  it('rejects input no meter can produce', () => {
    const init = [{ zone: 'all_day' as const, value: 100 }];
    // a register going down
    expect(() =>
      consumptionByPeriod(
        [
          { period: '2026-01-01', zone: 'all_day', value: 300 },
          { period: '2026-02-01', zone: 'all_day', value: 299 },
        ],
        init,
      ),
    ).toThrow(/below the previous/);
    expect(() => consumptionByPeriod([{ period: '2026-01-01', zone: 'all_day', value: 99 }], init)).toThrow(RangeError);
    // two accepted readings for one period and zone
    expect(() =>
      consumptionByPeriod(
        [
          { period: '2026-01-01', zone: 'all_day', value: 200 },
          { period: '2026-01-01', zone: 'all_day', value: 200 },
        ],
        init,
      ),
    ).toThrow(/Two readings/);
    expect(() => consumptionByPeriod([], [...init, ...init])).toThrow(/Two initial/);
    expect(() => consumptionByPeriod([{ period: '2026-01-01', zone: 'night', value: 200 }], init)).toThrow(
      /No initial/,
    );
    expect(() => consumptionByPeriod([{ period: '2026-01-01', zone: 'all_day', value: 200.5 }], init)).toThrow(
      RangeError,
    );
    expect(() =>
      consumptionByPeriod([{ period: '2026-01-01', zone: 'all_day', value: 200 }], [{ zone: 'all_day', value: -1 }]),
    ).toThrow(RangeError);
    expect(() => consumptionByPeriod([{ period: '2026-01-15', zone: 'all_day', value: 200 }], init)).toThrow(
      RangeError,
    );
  });

  it('returns nothing for no readings', () => {
    expect(consumptionByPeriod([], undefined)).toEqual([]);
  });
});

describe('validateNewReading', () => {
  const check = (
    value: string,
    lastAccepted: number | null = 12_000,
    averageMonthly: number | null = 200,
    months?: number,
  ) => validateNewReading({ value, lastAccepted, averageMonthly, months });

  it('accepts whole kWh, with spaces as thousands separators and the leading zeros of the display', () => {
    expect(check('12345')).toEqual({ ok: true, value: 12_345, consumption: 345, implausible: false });
    expect(check('12 345')).toMatchObject({ ok: true, value: 12_345 });
    expect(check('12\u00a0345')).toMatchObject({ ok: true, value: 12_345 });
    expect(check('12\u202f345')).toMatchObject({ ok: true, value: 12_345 });
    expect(check('  0012345 ')).toMatchObject({ ok: true, value: 12_345 });
    expect(check('1 012 345', 1_000_000)).toMatchObject({ ok: true, value: 1_012_345 });
  });

  it('refuses a fraction with the whole number to type instead', () => {
    const reason = 'Показания передаются целым числом кВт·ч, без дробной части: 123';
    expect(check('123,5', null)).toEqual({ ok: false, reason });
    expect(check('123.5', null)).toEqual({ ok: false, reason });
    expect(check('123,', null)).toEqual({ ok: false, reason });
    expect(check('123,0', null)).toEqual({ ok: false, reason });
    // The tenths are cut off, not rounded: the register shows 12 345 whole kWh.
    expect(check('12 345,9')).toEqual({
      ok: false,
      reason: 'Показания передаются целым числом кВт·ч, без дробной части: 12\u00a0345',
    });
  });

  it('refuses empty, negative, non-digit and absurdly long input with what to do', () => {
    expect(check('')).toEqual({ ok: false, reason: expect.stringContaining('Введите показание') });
    expect(check('   ')).toEqual({ ok: false, reason: expect.stringContaining('Введите показание') });
    expect(check('-5', null)).toEqual({ ok: false, reason: expect.stringContaining('не может быть отрицательным') });
    expect(check('−5', null)).toEqual({ ok: false, reason: expect.stringContaining('не может быть отрицательным') });
    for (const junk of ['abc', '12a', '1e5', '+5', ',5', '12 34', '1.234.567', '0x10']) {
      expect(check(junk, null)).toEqual({
        ok: false,
        reason: 'Введите показание только цифрами, например 12345 или 12 345.',
      });
    }
    expect(check('123456789', null)).toMatchObject({ ok: true, value: 123_456_789 });
    expect(check('1234567890', null)).toEqual({ ok: false, reason: expect.stringContaining('Слишком длинное') });
    expect(check('1234567890,5', null)).toEqual({ ok: false, reason: expect.stringContaining('Слишком длинное') });
  });

  it('never goes below the last accepted reading, and says which it was', () => {
    const result = check('12344', 12_345);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.reason).toMatch(/^Показание не может быть меньше предыдущего: 12\u00a0345\u00a0кВт·ч/);
    expect(check('12345', 12_345)).toMatchObject({ ok: true, consumption: 0, implausible: false });
  });

  it('flags a jump of more than 3× the average month for confirmation', () => {
    expect(check('12600', 12_000, 200)).toMatchObject({ ok: true, consumption: 600, implausible: false });
    expect(check('12601', 12_000, 200)).toMatchObject({ ok: true, consumption: 601, implausible: true });
  });

  it('scales the threshold with the months since the last reading', () => {
    expect(check('13800', 12_000, 200, 3)).toMatchObject({ implausible: false });
    expect(check('13801', 12_000, 200, 3)).toMatchObject({ implausible: true });
  });

  it('does not flag ordinary months after a tiny average (300 kWh floor)', () => {
    expect(check('12300', 12_000, 5)).toMatchObject({ ok: true, implausible: false });
    expect(check('12301', 12_000, 5)).toMatchObject({ ok: true, implausible: true });
    expect(check('12300', 12_000, 50)).toMatchObject({ implausible: false });
  });

  it('has nothing to compare with without a previous reading or an average', () => {
    expect(check('99999', null, 200)).toEqual({ ok: true, value: 99_999, consumption: null, implausible: false });
    expect(check('99999', 12_000, null)).toMatchObject({ ok: true, implausible: false });
    expect(check('99999', 12_000, 0)).toMatchObject({ ok: true, implausible: false });
  });

  it('refuses caller mistakes loudly', () => {
    expect(() => check('1', -1)).toThrow(RangeError);
    expect(() => check('1', 1.5)).toThrow(RangeError);
    expect(() => check('1', 0, -3)).toThrow(RangeError);
    expect(() => check('1', 0, 10, 0)).toThrow(RangeError);
  });
});
