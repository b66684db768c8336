import { describe, expect, it } from 'vitest';
import {
  DEFAULT_READING_WINDOW,
  periodsBetween,
  readingWindowStatus,
  reminderDueDate,
  shiftPeriod,
} from '@/lib/readings/window';

const at = (iso: string) => readingWindowStatus(new Date(iso), DEFAULT_READING_WINDOW);

describe('readingWindowStatus', () => {
  it('is open from the 15th to the 25th and counts the reading for the current month', () => {
    expect(at('2026-11-20T09:00:00Z')).toEqual({
      period: '2026-11-01',
      open: true,
      opensOn: '2026-11-15',
      closesOn: '2026-11-25',
      nextPeriod: false,
      notice: null,
    });
  });

  it('reads the day in Moscow: 25 Nov 23:59:59 is still open, 26 Nov 00:00 moves to December', () => {
    expect(at('2026-11-25T20:59:59Z')).toMatchObject({ period: '2026-11-01', open: true, nextPeriod: false });
    const late = at('2026-11-25T21:00:00Z');
    expect(late).toMatchObject({
      period: '2026-12-01',
      open: false,
      nextPeriod: true,
      opensOn: '2026-12-15',
      closesOn: '2026-12-25',
    });
    expect(late.notice).toBe(
      'Приём показаний за ноябрь 2026 завершился 25.11.2026. Показание будет учтено за декабрь 2026.',
    );
  });

  it('opens at Moscow midnight of the 15th, not at UTC midnight', () => {
    expect(at('2026-11-14T20:59:59Z')).toMatchObject({ period: '2026-11-01', open: false, nextPeriod: false });
    expect(at('2026-11-14T21:00:00Z')).toMatchObject({ period: '2026-11-01', open: true });
  });

  it('before the window counts the reading for the current month, whose window is still ahead, and says when it opens', () => {
    const early = at('2026-11-03T08:00:00Z');
    expect(early).toMatchObject({
      period: '2026-11-01',
      open: false,
      nextPeriod: false,
      opensOn: '2026-11-15',
      closesOn: '2026-11-25',
    });
    expect(early.notice).toContain('с 15.11.2026 по 25.11.2026');
    expect(early.notice).toContain('будет учтено за ноябрь 2026');
  });

  it('rolls December over to January of the next year', () => {
    expect(at('2026-12-26T10:00:00Z')).toMatchObject({
      period: '2027-01-01',
      nextPeriod: true,
      opensOn: '2027-01-15',
      closesOn: '2027-01-25',
    });
    // 31 Dec 23:59:59 in Moscow: December's window has closed.
    expect(at('2026-12-31T20:59:59Z')).toMatchObject({ period: '2027-01-01', nextPeriod: true });
    // 1 Jan 00:00 in Moscow: January's own window is ahead, same period, no longer "next".
    expect(at('2026-12-31T21:00:00Z')).toMatchObject({ period: '2027-01-01', nextPeriod: false, open: false });
  });

  it('follows a configured window', () => {
    const window = { fromDay: 20, toDay: 25 };
    expect(readingWindowStatus(new Date('2026-02-19T12:00:00Z'), window)).toMatchObject({
      period: '2026-02-01',
      open: false,
    });
    expect(readingWindowStatus(new Date('2026-02-20T12:00:00Z'), window)).toMatchObject({
      period: '2026-02-01',
      open: true,
    });
    // A window to the 28th is open on the last day of February and closes before March begins.
    const wide = { fromDay: 1, toDay: 28 };
    expect(readingWindowStatus(new Date('2026-02-28T20:00:00Z'), wide)).toMatchObject({
      period: '2026-02-01',
      open: true,
    });
    expect(readingWindowStatus(new Date('2026-01-30T12:00:00Z'), wide)).toMatchObject({
      period: '2026-02-01',
      nextPeriod: true,
    });
  });

  it('refuses a window the utility profile cannot hold and an invalid date', () => {
    for (const window of [
      { fromDay: 0, toDay: 25 },
      { fromDay: 15, toDay: 29 },
      { fromDay: 26, toDay: 25 },
      { fromDay: 15.5, toDay: 25 },
    ]) {
      expect(() => readingWindowStatus(new Date('2026-11-20T09:00:00Z'), window)).toThrow(RangeError);
    }
    expect(() => readingWindowStatus(new Date('nonsense'), DEFAULT_READING_WINDOW)).toThrow(RangeError);
  });
});

describe('reminderDueDate', () => {
  it('is two days before the window closes', () => {
    expect(reminderDueDate('2026-11-01', DEFAULT_READING_WINDOW)).toBe('2026-11-23');
    expect(reminderDueDate('2027-01-01', DEFAULT_READING_WINDOW)).toBe('2027-01-23');
    expect(reminderDueDate('2026-02-01', { fromDay: 1, toDay: 28 })).toBe('2026-02-26');
  });
  it('never falls before the window opens', () => {
    expect(reminderDueDate('2026-11-01', { fromDay: 20, toDay: 21 })).toBe('2026-11-20');
    expect(reminderDueDate('2026-11-01', { fromDay: 1, toDay: 1 })).toBe('2026-11-01');
  });
  it('refuses a malformed period', () => {
    expect(() => reminderDueDate('2026-11-15', DEFAULT_READING_WINDOW)).toThrow(RangeError);
    expect(() => reminderDueDate('2026-13-01', DEFAULT_READING_WINDOW)).toThrow(RangeError);
  });
});

describe('period arithmetic', () => {
  it('crosses year boundaries both ways', () => {
    expect(shiftPeriod('2026-12-01', 1)).toBe('2027-01-01');
    expect(shiftPeriod('2026-01-01', -1)).toBe('2025-12-01');
    expect(shiftPeriod('2026-11-01', 14)).toBe('2028-01-01');
    expect(shiftPeriod('2026-11-01', 0)).toBe('2026-11-01');
    expect(periodsBetween('2025-11-01', '2026-02-01')).toBe(3);
    expect(periodsBetween('2026-02-01', '2025-11-01')).toBe(-3);
  });
  it('refuses what is not a period', () => {
    expect(() => shiftPeriod('2026-11-02', 1)).toThrow(RangeError);
    expect(() => shiftPeriod('2026-11-01', 0.5)).toThrow(RangeError);
  });
});
