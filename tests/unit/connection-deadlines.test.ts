import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  addWorkingDays,
  isWorkingDay,
  PLAIN_WEEK,
  type WorkCalendar,
  workingDaysBetween,
} from '@/lib/calendar/working-days';
import { connectionFee, rateCategoryOf } from '@/lib/connection/calculator';
import { describeLeft, payByFor, runningDeadlines, worksDueFor } from '@/lib/connection/deadlines';
import { installmentSchedule, partPayableIn } from '@/lib/connection/installments';
import { allowedEdges, checkTransition, CONNECTION_STATUSES } from '@/lib/connection/status';

// The working-day arithmetic across weekends and the 2026 holidays (the calendar as the migration
// seeds it), the deadlines of each step, the fee calculator and the status machine.

const RU_2026: WorkCalendar = {
  offDays: new Set([
    '2026-01-01',
    '2026-01-02',
    '2026-01-05',
    '2026-01-06',
    '2026-01-07',
    '2026-01-08',
    '2026-01-09',
    '2026-02-23',
    '2026-03-09',
    '2026-05-01',
    '2026-05-11',
    '2026-06-12',
    '2026-11-04',
    '2026-12-31',
  ]),
  workedWeekends: new Set(['2027-11-13']),
};

describe('working days', () => {
  it('skips weekends: Friday + 1 is Monday, Friday + 5 is the next Friday', () => {
    expect(addWorkingDays('2026-12-04', 1, PLAIN_WEEK)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-04', 5, PLAIN_WEEK)).toBe('2026-12-11');
    // An event on a Saturday: the period starts on Monday.
    expect(addWorkingDays('2026-12-05', 1, PLAIN_WEEK)).toBe('2026-12-07');
  });

  it('skips the holidays of the production calendar', () => {
    // 30 December 2026 (Wed) + 1: 31 December is a day off (moved from 4 January), then the weekend and New Year.
    expect(addWorkingDays('2026-12-30', 1, RU_2026)).toBe('2027-01-01');
    // Without 2027 in the calendar, 1 January 2027 is a plain Friday: the calendar is the only source of holidays.
    expect(addWorkingDays('2025-12-30', 1, RU_2026)).toBe('2025-12-31');
    // The New Year holidays of 2026 run to 11 January: 31 December 2025 + 1 working day is 12 January.
    expect(addWorkingDays('2025-12-31', 1, RU_2026)).toBe('2026-01-12');
    // 5 working days from Thursday 19 February 2026 pass over the 23 February holiday.
    expect(addWorkingDays('2026-02-19', 5, RU_2026)).toBe('2026-02-27');
    // 10 working days from 30 April 2026 pass over 1 May and 11 May.
    expect(addWorkingDays('2026-04-30', 10, RU_2026)).toBe('2026-05-18');
    expect(isWorkingDay('2027-11-13', RU_2026)).toBe(true);
    expect(isWorkingDay('2026-11-04', RU_2026)).toBe(false);
  });

  it('counts working days in (from, to]', () => {
    expect(workingDaysBetween('2026-12-04', '2026-12-11', PLAIN_WEEK)).toBe(5);
    expect(workingDaysBetween('2026-12-11', '2026-12-11', PLAIN_WEEK)).toBe(0);
    expect(workingDaysBetween('2026-12-11', '2026-12-04', PLAIN_WEEK)).toBe(0);
    expect(workingDaysBetween('2026-02-20', '2026-02-27', RU_2026)).toBe(4);
    expect(() => addWorkingDays('2026-12-04', 0, PLAIN_WEEK)).toThrow();
  });

  it('adds calendar months keeping the day or taking the month’s last', () => {
    expect(addCalendarMonths('2026-12-02', 6)).toBe('2027-06-02');
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(worksDueFor('2026-12-02')).toBe('2027-06-02');
  });
});

describe('deadlines', () => {
  it('the grid has 10 working days for the offer and 3 to ask for data; both shown with the time left', () => {
    const [offer, dataRequest] = runningDeadlines(
      { status: 'submitted', submittedDay: '2026-12-02', dataRequestedDay: null, payBy: null, worksDue: null },
      '2026-12-02',
      RU_2026,
    );
    expect(offer).toMatchObject({ key: 'offer', due: '2026-12-16', left: 10, state: 'ok', unit: 'working' });
    expect(dataRequest).toMatchObject({ key: 'data_request', due: '2026-12-07', left: 3, state: 'ok' });
    expect(describeLeft(offer!)).toBe('осталось 10\u00a0рабочих дней');
  });

  it('the invoice is paid in 5 working days; close at 2 left, missed after the last day', () => {
    const payBy = payByFor('2026-12-25', RU_2026);
    // Friday 25 December + 5: 28, 29, 30 December, then 31 December and the New Year are off (2027 not in this calendar).
    expect(payBy).toBe('2027-01-04');
    const at = (today: string) =>
      runningDeadlines(
        { status: 'offer_posted', submittedDay: '2026-12-01', dataRequestedDay: null, payBy, worksDue: null },
        today,
        RU_2026,
      )[0]!;
    expect(at('2026-12-28')).toMatchObject({ left: 4, state: 'ok' });
    expect(at('2026-12-30')).toMatchObject({ left: 2, state: 'close' });
    expect(at('2027-01-04')).toMatchObject({ left: 0, state: 'close' });
    expect(describeLeft(at('2027-01-04'))).toBe('сегодня последний день');
    expect(at('2027-01-06')).toMatchObject({ left: -2, state: 'missed' });
    expect(describeLeft(at('2027-01-06'))).toBe('просрочено на 2\u00a0рабочих дня');
    // The day after a Friday deadline is a Saturday: missed, with no working day past yet.
    const friday = runningDeadlines(
      {
        status: 'offer_posted',
        submittedDay: '2026-12-01',
        dataRequestedDay: null,
        payBy: '2026-12-04',
        worksDue: null,
      },
      '2026-12-05',
      RU_2026,
    )[0]!;
    expect(friday.state).toBe('missed');
    expect(describeLeft(friday)).toBe('срок истёк');
  });

  it('the works run 6 calendar months and nothing runs after them', () => {
    const [works] = runningDeadlines(
      { status: 'contracted', submittedDay: '2026-12-01', dataRequestedDay: null, payBy: null, worksDue: '2027-06-02' },
      '2026-12-02',
      RU_2026,
    );
    expect(works).toMatchObject({ key: 'works', unit: 'calendar', left: 182, state: 'ok' });
    expect(describeLeft(works!)).toBe('осталось 182\u00a0календарных дня');
    expect(
      runningDeadlines(
        { status: 'done', submittedDay: '2026-12-01', dataRequestedDay: null, payBy: null, worksDue: '2027-06-02' },
        '2026-12-02',
        RU_2026,
      ),
    ).toEqual([]);
  });
});

describe('calculator', () => {
  const rates = { household_preferential: 5000_00, standard: 15000_00 };

  it('a citizen up to 15 kW in total pays the preferential rate for the new power', () => {
    const input = { applicantKind: 'person' as const, maxPowerW: 15_000, existingPowerW: 0, reliabilityCategory: 3 };
    expect(connectionFee(input, rates)).toEqual({
      category: 'household_preferential',
      kopecksPerKw: 5000_00,
      newPowerW: 15_000,
      kopecks: 75_000_00,
    });
    expect(connectionFee({ ...input, maxPowerW: 12_500, existingPowerW: 5_000 }, rates)?.kopecks).toBe(37_500_00);
  });

  it('above 15 kW, a company or the 2nd category pay the standardised rate; no rate, no fee', () => {
    const person = { applicantKind: 'person' as const, maxPowerW: 15_001, existingPowerW: 0, reliabilityCategory: 3 };
    expect(rateCategoryOf(person)).toBe('standard');
    expect(rateCategoryOf({ ...person, maxPowerW: 10_000, reliabilityCategory: 2 })).toBe('standard');
    expect(rateCategoryOf({ ...person, maxPowerW: 10_000, applicantKind: 'business' })).toBe('standard');
    expect(connectionFee({ ...person, maxPowerW: 150_000 }, rates)?.kopecks).toBe(2_250_000_00);
    expect(connectionFee(person, { household_preferential: 5000_00, standard: null })).toBeNull();
  });
});

describe('status machine', () => {
  it('allows exactly the edges of the Rules, each to its actor', () => {
    expect(allowedEdges()).toHaveLength(10);
    expect(checkTransition('submitted', 'offer_posted', 'staff')).toEqual({ ok: true });
    expect(checkTransition('offer_posted', 'contracted', 'gateway')).toEqual({ ok: true });
    expect(checkTransition('offer_posted', 'contracted', 'staff')).toMatchObject({ ok: false });
    expect(checkTransition('offer_posted', 'cancelled', 'system')).toEqual({ ok: true });
    expect(checkTransition('contracted', 'cancelled', 'applicant')).toMatchObject({ ok: false });
    expect(checkTransition('done', 'cancelled', 'staff')).toMatchObject({ ok: false, reason: /завершено/ });
    for (const from of CONNECTION_STATUSES) {
      expect(checkTransition(from, 'submitted', 'staff').ok).toBe(false);
    }
  });
});

describe('installments', () => {
  it('splits the fee 15 / 30 / 35 / 20 %, the last part taking the rounding, with the due days', () => {
    const parts = installmentSchedule(33_333_33, { payBy: '2026-12-09', offerDay: '2026-12-02', actDay: null });
    expect(parts.map((p) => p.kopecks)).toEqual([5_000_00, 10_000_00, 11_666_67, 6_666_66]);
    expect(parts.reduce((sum, p) => sum + p.kopecks, 0)).toBe(33_333_33);
    expect(parts.map((p) => p.due)).toEqual(['2026-12-09', '2026-12-22', '2027-01-11', null]);
    expect(
      installmentSchedule(100_00, { payBy: '2026-12-09', offerDay: '2026-12-02', actDay: '2027-03-01' })[3]!.due,
    ).toBe('2027-03-11');
    expect(partPayableIn(1, 'offer_posted')).toBe(true);
    expect(partPayableIn(2, 'offer_posted')).toBe(false);
    expect(partPayableIn(4, 'works_done')).toBe(false);
    expect(partPayableIn(4, 'act_posted')).toBe(true);
  });
});
