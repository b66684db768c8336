// Which billing period the staff billing page proposes and offers, from the reading window and what is
// already billed. Pure: the clock and the database facts come in as parameters (see overview.ts).
import { type ReadingWindow, readingWindowStatus, shiftPeriod } from '@/lib/readings/window';

/** How many months back the period picker reaches (older corrections go into later bills anyway). */
const PERIOD_CHOICES = 36;

/**
 * The latest period whose reading window has closed at `now`: no reading for it can still arrive.
 * `readingWindowStatus(...).period` is the period a reading submitted now counts for, so its window
 * is still ahead or open, and the month before it is the last closed one.
 */
export function lastClosedPeriod(now: Date, window: ReadingWindow): string {
  return shiftPeriod(readingWindowStatus(now, window).period, -1);
}

export interface BilledFacts {
  /** The latest period with bills issued, or null when nothing is billed yet. */
  latestBilled: string | null;
  /** Accounts of `latestBilled` still without a bill (a run that failed or stopped part-way). */
  leftInLatest: number;
}

/**
 * The period the page proposes to bill:
 * - the latest billed period while some of its accounts still have no bill: finish it first;
 * - else the month after it once its reading window has closed — the earliest unbilled month rather
 *   than the latest, because estimates average the months before and so months are billed in order;
 * - else the latest billed period itself (every closed month is billed): the page then says that a
 *   run would bill nothing new and when the next month is due;
 * - with nothing billed at all, the latest closed period.
 */
export function proposedBillingPeriod(closed: string, facts: BilledFacts): string {
  const { latestBilled, leftInLatest } = facts;
  if (!latestBilled) return closed;
  if (leftInLatest > 0) return latestBilled;
  const next = shiftPeriod(latestBilled, 1);
  return next <= closed ? next : latestBilled;
}

/**
 * The periods the picker offers, newest first: from the current month back to the first month a
 * tariff covers from its first day, at most `PERIOD_CHOICES` of them; none without tariffs.
 */
export function billingPeriodChoices(current: string, firstTariffFrom: string | null): string[] {
  if (!firstTariffFrom) return [];
  // A tariff starting mid-month does not cover that month's first day, which is what a run prices by.
  const first = firstTariffFrom.endsWith('-01') ? firstTariffFrom : shiftPeriod(`${firstTariffFrom.slice(0, 7)}-01`, 1);
  const choices: string[] = [];
  for (let p = current; p >= first && choices.length < PERIOD_CHOICES; p = shiftPeriod(p, -1)) choices.push(p);
  return choices;
}

/** «45 с», «3 мин 05 с», «1 ч 02 мин» — how long a run took (or has been running). */
export function formatRunDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} с`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} мин ${String(seconds % 60).padStart(2, '0')} с`;
  return `${Math.floor(minutes / 60)} ч ${String(minutes % 60).padStart(2, '0')} мин`;
}
