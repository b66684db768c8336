// The legal deadlines of each step of a connection application, and how much time is left. Pure:
// the production calendar comes in as data.
//
// Periods (Правила ТП, ПП РФ № 861, as amended by ПП № 262 and № 1178, for applicants up to 150 kW):
// - the grid asks for missing data: 3 working days from the application (п. 15);
// - the applicant supplies it: 20 working days from the request, else the application is annulled;
// - the grid places the contract terms, the invoice and the ТУ in the cabinet: 10 working days (п. 105);
// - the applicant pays the invoice: 5 working days, else the offer is annulled (п. 105);
// - the grid's works: 6 months from the contract (п. 16 «б», connections up to 150 kW at up to 20 kV).
import {
  addCalendarMonths,
  addWorkingDays,
  calendarDaysBetween,
  type WorkCalendar,
  workingDaysBetween,
} from '@/lib/calendar/working-days';
import type { ConnectionStatus } from './status';

export const DEADLINE_RULES = {
  dataRequestWorkingDays: 3,
  dataSupplyWorkingDays: 20,
  offerWorkingDays: 10,
  paymentWorkingDays: 5,
  worksMonths: 6,
} as const;

/** At most this many working days left: the step is highlighted as close. */
const CLOSE_WORKING_DAYS = 2;

export type DeadlineKey = 'data_request' | 'data_supply' | 'offer' | 'payment' | 'works';
export type DeadlineState = 'ok' | 'close' | 'missed';

export interface Deadline {
  key: DeadlineKey;
  label: string;
  /** Who must act: the grid or the applicant. */
  party: 'grid' | 'applicant';
  /** The last day (Moscow) of the period. */
  due: string;
  unit: 'working' | 'calendar';
  /** Days left in the period's own unit, counted after today; negative: days past the due day. */
  left: number;
  state: DeadlineState;
}

export interface DeadlineInput {
  status: ConnectionStatus;
  /** Moscow days of the steps the periods run from. */
  submittedDay: string;
  dataRequestedDay: string | null;
  payBy: string | null;
  worksDue: string | null;
}

function measure(
  key: DeadlineKey,
  label: string,
  party: 'grid' | 'applicant',
  due: string,
  unit: 'working' | 'calendar',
  today: string,
  calendar: WorkCalendar,
): Deadline {
  const workingLeft =
    today <= due ? workingDaysBetween(today, due, calendar) : -workingDaysBetween(due, today, calendar);
  const left = unit === 'working' ? workingLeft : calendarDaysBetween(today, due);
  const state: DeadlineState = today > due ? 'missed' : workingLeft <= CLOSE_WORKING_DAYS ? 'close' : 'ok';
  return { key, label, party, due, unit, left, state };
}

export function payByFor(offerDay: string, calendar: WorkCalendar): string {
  return addWorkingDays(offerDay, DEADLINE_RULES.paymentWorkingDays, calendar);
}

export function worksDueFor(contractDay: string): string {
  return addCalendarMonths(contractDay, DEADLINE_RULES.worksMonths);
}

/** The deadlines running now for an application in its status; the first is the one the queue sorts by. */
export function runningDeadlines(input: DeadlineInput, today: string, calendar: WorkCalendar): Deadline[] {
  switch (input.status) {
    case 'submitted':
      return [
        measure(
          'offer',
          'Размещение договора, счёта и технических условий',
          'grid',
          addWorkingDays(input.submittedDay, DEADLINE_RULES.offerWorkingDays, calendar),
          'working',
          today,
          calendar,
        ),
        measure(
          'data_request',
          'Запрос недостающих сведений и документов',
          'grid',
          addWorkingDays(input.submittedDay, DEADLINE_RULES.dataRequestWorkingDays, calendar),
          'working',
          today,
          calendar,
        ),
      ];
    case 'data_requested':
      return input.dataRequestedDay
        ? [
            measure(
              'data_supply',
              'Представление недостающих сведений заявителем',
              'applicant',
              addWorkingDays(input.dataRequestedDay, DEADLINE_RULES.dataSupplyWorkingDays, calendar),
              'working',
              today,
              calendar,
            ),
          ]
        : [];
    case 'offer_posted':
      return input.payBy
        ? [measure('payment', 'Оплата счёта заявителем', 'applicant', input.payBy, 'working', today, calendar)]
        : [];
    case 'contracted':
      return input.worksDue
        ? [
            measure(
              'works',
              'Выполнение мероприятий по присоединению',
              'grid',
              input.worksDue,
              'calendar',
              today,
              calendar,
            ),
          ]
        : [];
    default:
      return [];
  }
}

function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

/** «осталось 3 рабочих дня», «последний день», «просрочено на 2 календарных дня». */
export function describeLeft(d: Pick<Deadline, 'left' | 'unit' | 'state'>): string {
  const kind = (n: number) =>
    d.unit === 'working'
      ? plural(n, 'рабочий день', 'рабочих дня', 'рабочих дней')
      : plural(n, 'календарный день', 'календарных дня', 'календарных дней');
  if (d.state === 'missed' && d.left === 0) return 'срок истёк';
  if (d.left === 0) return 'сегодня последний день';
  if (d.left > 0) return `${plural(d.left, 'остался', 'осталось', 'осталось')} ${d.left}\u00a0${kind(d.left)}`;
  return `просрочено на ${-d.left}\u00a0${kind(-d.left)}`;
}
