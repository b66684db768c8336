import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPeriod, periodOf } from '@/lib/format/dates';
import { formatKwh, formatRub } from '@/lib/format/money';
import { addressedAs } from '@/lib/format/names';
import { likePattern } from '@/lib/content/outages';
import { toParagraphs } from '@/lib/content/paragraphs';

describe('money', () => {
  it('formats kopecks the Russian way', () => {
    expect(formatRub(123456)).toBe('1\u00a0234,56\u00a0₽');
    expect(formatRub(0)).toBe('0,00\u00a0₽');
    expect(formatRub(-5050)).toBe('-50,50\u00a0₽');
    expect(formatKwh(1234)).toBe('1\u00a0234\u00a0кВт·ч');
  });
  it('refuses fractional kopecks', () => {
    expect(() => formatRub(1.5)).toThrow();
  });
});

describe('dates', () => {
  it('shows days as stored and instants in Moscow time', () => {
    expect(formatDate('2026-11-25')).toBe('25.11.2026');
    expect(formatDate(new Date('2026-11-24T21:30:00Z'))).toBe('25.11.2026');
    expect(formatDateTime(new Date('2026-11-24T21:30:00Z'))).toBe('25.11.2026, 00:30');
  });
  it('names billing periods and finds the period of an instant in Moscow', () => {
    expect(formatPeriod('2026-11-01')).toBe('ноябрь 2026');
    expect(periodOf(new Date('2026-11-30T21:30:00Z'))).toBe('2026-12-01');
    expect(periodOf(new Date('2026-11-30T20:30:00Z'))).toBe('2026-11-01');
  });
});

describe('text helpers', () => {
  it('treats % and _ typed by a user literally in searches', () => {
    expect(likePattern('50%_a')).toBe('%50\\%\\_a%');
  });
  it('splits stored text into paragraphs', () => {
    expect(toParagraphs('Один.\n\nДва.\r\n \r\nТри.')).toEqual(['Один.', 'Два.', 'Три.']);
  });
});

describe('phones', () => {
  it('turns a printed phone into a tel: link', async () => {
    const { telHref } = await import('@/lib/format/phone');
    expect(telHref('8-994-52-19')).toBe('tel:89945219');
    expect(telHref('+7 (498) 314-10-05')).toBe('tel:+74983141005');
  });
});

describe('names', () => {
  it('greets by name and patronymic, or by the whole name when it has another shape', () => {
    expect(addressedAs('Петров Алексей Сергеевич')).toBe('Алексей Сергеевич');
    expect(addressedAs('  Иванова  Мария Петровна ')).toBe('Мария Петровна');
    expect(addressedAs('ООО «Истра-Агро»')).toBe('ООО «Истра-Агро»');
    expect(addressedAs('Анна')).toBe('Анна');
  });
});
