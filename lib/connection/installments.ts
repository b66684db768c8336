// The installment schedule a citizen connecting up to 15 kW may choose (п. 16(2) of the Rules, the
// first variant): 15 % of the fee within 5 working days of the invoice (paying it concludes the
// contract), 30 % within 20 days and 35 % within 40 days of the invoice, the last 20 % within 10 days
// of the act being placed. Pure: amounts in kopecks (the last part takes the rounding), due days
// in Moscow calendar days.
import { addCalendarDays } from '@/lib/calendar/working-days';
import type { ConnectionStatus } from './status';

const SHARES = [15, 30, 35, 20] as const;

export interface InstallmentPart {
  part: number;
  percent: number;
  kopecks: number;
  /** The last day to pay it; null for the last part until the act is placed. */
  due: string | null;
}

export function installmentSchedule(
  totalKopecks: number,
  dates: { payBy: string; offerDay: string; actDay: string | null },
): InstallmentPart[] {
  let left = totalKopecks;
  return SHARES.map((percent, i) => {
    const kopecks = i === SHARES.length - 1 ? left : Math.round((totalKopecks * percent) / 100);
    left -= kopecks;
    const due =
      i === 0
        ? dates.payBy
        : i === 1
          ? addCalendarDays(dates.offerDay, 20)
          : i === 2
            ? addCalendarDays(dates.offerDay, 40)
            : dates.actDay && addCalendarDays(dates.actDay, 10);
    return { part: i + 1, percent, kopecks, due };
  });
}

/** The statuses in which each part may be paid: the first concludes the contract, the last follows the act. */
export function partPayableIn(part: number, status: ConnectionStatus): boolean {
  if (part === 1) return status === 'offer_posted';
  if (part === 4) return status === 'act_posted' || status === 'done';
  return status === 'contracted' || status === 'works_done' || status === 'act_posted' || status === 'done';
}
