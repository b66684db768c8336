import { describe, expect, it } from 'vitest';
import {
  billingPeriodChoices,
  formatRunDuration,
  lastClosedPeriod,
  proposedBillingPeriod,
} from '@/lib/billing/periods';
import { DEFAULT_READING_WINDOW } from '@/lib/readings/window';

const closedAt = (iso: string) => lastClosedPeriod(new Date(iso), DEFAULT_READING_WINDOW);

describe('lastClosedPeriod', () => {
  it('is last month until the window closes on the 25th (Moscow), then this month', () => {
    expect(closedAt('2026-11-03T09:00:00Z')).toBe('2026-10-01');
    expect(closedAt('2026-11-20T09:00:00Z')).toBe('2026-10-01');
    expect(closedAt('2026-11-25T20:59:59Z')).toBe('2026-10-01');
    expect(closedAt('2026-11-25T21:00:00Z')).toBe('2026-11-01');
    expect(closedAt('2026-12-31T21:00:00Z')).toBe('2026-12-01'); // 1 January in Moscow
  });
});

describe('proposedBillingPeriod', () => {
  it('proposes the latest closed month when nothing is billed yet', () => {
    expect(proposedBillingPeriod('2026-10-01', { latestBilled: null, leftInLatest: 0 })).toBe('2026-10-01');
  });

  it('finishes a period some accounts of which are still unbilled', () => {
    expect(proposedBillingPeriod('2026-11-01', { latestBilled: '2026-10-01', leftInLatest: 2 })).toBe('2026-10-01');
  });

  it('moves to the next month once its window has closed, the earliest missing one first', () => {
    expect(proposedBillingPeriod('2026-11-01', { latestBilled: '2026-10-01', leftInLatest: 0 })).toBe('2026-11-01');
    expect(proposedBillingPeriod('2026-11-01', { latestBilled: '2026-08-01', leftInLatest: 0 })).toBe('2026-09-01');
  });

  it('stays on the billed month while the next one still takes readings', () => {
    expect(proposedBillingPeriod('2026-10-01', { latestBilled: '2026-10-01', leftInLatest: 0 })).toBe('2026-10-01');
    expect(proposedBillingPeriod('2026-10-01', { latestBilled: '2026-11-01', leftInLatest: 0 })).toBe('2026-11-01');
  });
});

describe('billingPeriodChoices', () => {
  it('runs from the current month back to the first tariff month, newest first', () => {
    expect(billingPeriodChoices('2025-03-01', '2025-01-01')).toEqual(['2025-03-01', '2025-02-01', '2025-01-01']);
  });

  it('skips a month whose tariff starts after its first day, and offers nothing without tariffs', () => {
    expect(billingPeriodChoices('2025-03-01', '2025-01-15')).toEqual(['2025-03-01', '2025-02-01']);
    expect(billingPeriodChoices('2025-03-01', null)).toEqual([]);
  });

  it('reaches back three years at most', () => {
    const choices = billingPeriodChoices('2026-11-01', '2015-01-01');
    expect(choices).toHaveLength(36);
    expect(choices.at(-1)).toBe('2023-12-01');
  });
});

describe('formatRunDuration', () => {
  it('says seconds, minutes or hours', () => {
    expect(formatRunDuration(400)).toBe('0 с');
    expect(formatRunDuration(40_000)).toBe('40 с');
    expect(formatRunDuration(185_000)).toBe('3 мин 05 с');
    expect(formatRunDuration(3_720_000)).toBe('1 ч 02 мин');
  });
});
