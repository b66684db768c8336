import { describe, expect, it } from 'vitest';
import { dayField, isBillingPeriod, isCalendarDay, isCalendarMonth, periodField } from '@/lib/validation/calendar';

describe('calendar fields', () => {
  it('accepts days that exist in the years the portal keeps', () => {
    expect(isCalendarDay('2026-12-01')).toBe(true);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('1900-01-01')).toBe(true);
  });

  it('refuses days that do not exist, year 0 and years nobody means', () => {
    for (const text of [
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '0000-01-01',
      '0202-05-01',
      '9999-12-31',
      '2026-1-1',
      ' 2026-12-01',
    ]) {
      expect(isCalendarDay(text), text).toBe(false);
    }
  });

  it('reads billing periods and months with the same year bounds', () => {
    expect(isBillingPeriod('2026-12-01')).toBe(true);
    expect(isBillingPeriod('2026-12-02')).toBe(false);
    expect(isBillingPeriod('0000-01-01')).toBe(false);
    expect(isBillingPeriod('1999-12-01')).toBe(false);
    expect(isBillingPeriod('2100-01-01')).toBe(false);
    expect(isCalendarMonth('2027-01')).toBe(true);
    expect(isCalendarMonth('0000-01')).toBe(false);
    expect(isCalendarMonth('2027-13')).toBe(false);
  });

  it('answers each field with its own Russian message', () => {
    const day = dayField('Укажите дату', 'Такой даты нет');
    expect(day.safeParse('01.12.2026').error?.issues[0]?.message).toBe('Укажите дату');
    expect(day.safeParse('2026-02-30').error?.issues[0]?.message).toBe('Такой даты нет');
    expect(periodField('Выберите период').safeParse('0000-01-01').error?.issues[0]?.message).toBe('Выберите период');
    expect(periodField('Выберите период').safeParse(7).error?.issues[0]?.message).toBe('Выберите период');
  });
});
