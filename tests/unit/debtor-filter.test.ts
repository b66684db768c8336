import { describe, expect, it } from 'vitest';
import { debtorFilterOf, debtorsListParams, parseDebtorFilter } from '@/lib/debtors/debtor-filter';

describe('the debtors list query string', () => {
  it('reads roubles as kopecks and tolerates spaces and a decimal comma', () => {
    expect(parseDebtorFilter({ min: ' 2 000,75 ', days: '60', settlement: ' г. Истра ' })).toEqual({
      minDebtKopecks: 2000_00,
      minDays: 60,
      settlement: 'г. Истра',
    });
  });

  it('reads what does not parse as no limit', () => {
    for (const value of ['', 'abc', '-5', '0', '0,5'])
      expect(parseDebtorFilter({ min: value, days: value })).toEqual({
        minDebtKopecks: 0,
        minDays: 0,
        settlement: undefined,
      });
    expect(parseDebtorFilter({ days: '999999' }).minDays).toBe(36_500);
  });

  it('writes the next page and the export with the same filter, leaving defaults out', () => {
    const params = debtorsListParams.parse({ min: '1500', settlement: 'г. Истра', page: '2' });
    expect(debtorFilterOf(params)).toEqual({ minDebtKopecks: 1500_00, minDays: 0, settlement: 'г. Истра' });
    const next = debtorsListParams.href({ ...params, page: 3 });
    expect(debtorsListParams.parse(new URL(next, 'http://x'))).toEqual({ ...params, page: 3 });
    const exported = new URL(
      debtorsListParams.href({ ...params, page: null }, '/admin/debtors/export?format=xlsx'),
      'http://x',
    );
    expect(exported.pathname).toBe('/admin/debtors/export');
    expect(Object.fromEntries(exported.searchParams)).toEqual({ format: 'xlsx', min: '1500', settlement: 'г. Истра' });
    expect(debtorsListParams.href({ min: 0, days: 0, settlement: null, page: 1 })).toBe('/admin/debtors');
  });
});
