// Paid or not, from the balance alone (lib/bills/status.ts): what is owed is laid over the newest bills.
import { describe, expect, it } from 'vitest';
import { isEstimatedLine, lineMethodLabel, lineZoneLabel } from '@/lib/bills/labels';
import { billStandings } from '@/lib/bills/status';

const bill = (id: string, period: string, amountKopecks: number) => ({
  id,
  period,
  amountKopecks,
  dueDate: `${period.slice(0, 8)}28`,
});
const bills = [bill('aug', '2026-08-01', 100_00), bill('sep', '2026-09-01', 200_00), bill('oct', '2026-10-01', 300_00)];

describe('billStandings', () => {
  it('nothing owed: every bill is paid', () => {
    const s = billStandings(bills, 0, '2026-11-25');
    expect([...s.values()].map((x) => x.status)).toEqual(['paid', 'paid', 'paid']);
  });

  it('owing the last two bills: the newest two are unpaid and overdue after their due date', () => {
    const s = billStandings(bills, 500_00, '2026-10-15');
    expect(s.get('oct')).toEqual({ status: 'unpaid', outstandingKopecks: 300_00, overdue: false });
    expect(s.get('sep')).toEqual({ status: 'unpaid', outstandingKopecks: 200_00, overdue: true });
    expect(s.get('aug')).toEqual({ status: 'paid', outstandingKopecks: 0, overdue: false });
  });

  it('owing less than the newest bill: it is partly paid, the older ones are paid', () => {
    const s = billStandings(bills, 120_00, '2026-10-01');
    expect(s.get('oct')).toMatchObject({ status: 'partial', outstandingKopecks: 120_00 });
    expect(s.get('sep')!.status).toBe('paid');
  });

  it('owing more than one bill: the rest falls on the one before', () => {
    const s = billStandings(bills, 350_00, '2026-10-01');
    expect(s.get('oct')!.status).toBe('unpaid');
    expect(s.get('sep')).toMatchObject({ status: 'partial', outstandingKopecks: 50_00 });
    expect(s.get('aug')!.status).toBe('paid');
  });

  it('an advance (negative balance) leaves nothing owed; a bill of zero or less owes nothing', () => {
    const s = billStandings([...bills, bill('nov', '2026-11-01', -40_00)], -1_000_00, '2026-12-30');
    expect(s.get('nov')).toEqual({ status: 'nothing_due', outstandingKopecks: 0, overdue: false });
    expect([...s.values()].every((x) => x.outstandingKopecks === 0)).toBe(true);
  });

  it('the order of the input does not matter', () => {
    const a = billStandings(bills, 250_00, '2026-10-01');
    const b = billStandings([...bills].reverse(), 250_00, '2026-10-01');
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
  });

  it('refuses a balance that is not whole kopecks', () => {
    expect(() => billStandings(bills, 1.5, '2026-10-01')).toThrow(RangeError);
  });
});

describe('line labels', () => {
  const line = {
    kind: 'consumption' as const,
    method: 'reading' as const,
    zone: 'day' as const,
    forPeriod: '2026-10-01',
  };
  it('says how the volume was obtained', () => {
    expect(lineMethodLabel(line, '2026-10-01')).toBe('по показаниям');
    expect(lineMethodLabel({ ...line, method: 'average' }, '2026-10-01')).toBe('по среднему');
    expect(lineMethodLabel({ ...line, method: 'norm' }, '2026-10-01')).toBe('по нормативу');
    expect(
      lineMethodLabel(
        { ...line, kind: 'recalculation', method: 'recalculation', forPeriod: '2026-08-01' },
        '2026-10-01',
      ),
    ).toBe('перерасчёт за август 2026');
    expect(lineMethodLabel({ kind: 'penalty', method: null, zone: null, forPeriod: null }, '2026-10-01')).toBe('пени');
    expect(lineZoneLabel(line)).toBe('День (T1)');
    expect(lineZoneLabel({ zone: null })).toBe('—');
    expect(isEstimatedLine({ method: 'average' })).toBe(true);
    expect(isEstimatedLine({ method: 'reading' })).toBe(false);
  });
});
