// The database keeps UTC; people read Europe/Moscow (UTC+3 all year).
const TIME_ZONE = 'Europe/Moscow';

const dateFormat = new Intl.DateTimeFormat('ru-RU', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat('ru-RU', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const longDateFormat = new Intl.DateTimeFormat('ru-RU', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const monthFormat = new Intl.DateTimeFormat('ru-RU', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** A calendar date stored as `YYYY-MM-DD` is a day, not an instant: read it in UTC. */
function fromIsoDay(day: string): Date {
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) throw new RangeError(`Not a date: ${day}`);
  return parsed;
}

/** «25.11.2026» for an instant (in Moscow) or a `YYYY-MM-DD` day. */
export function formatDate(value: Date | string): string {
  if (typeof value === 'string') {
    const [y, m, d] = value.split('-');
    fromIsoDay(value);
    return `${d}.${m}.${y}`;
  }
  return dateFormat.format(value);
}

/** «25.11.2026, 14:05» in Moscow time. */
export function formatDateTime(value: Date): string {
  return dateTimeFormat.format(value);
}

/** «25 ноября 2026 г.» */
export function formatLongDate(value: Date): string {
  return longDateFormat.format(value);
}

/** A billing period `2026-11-01` → «ноябрь 2026». */
export function formatPeriod(period: string): string {
  return monthFormat.format(fromIsoDay(period)).replace(/\s*г\.$/, '');
}

/** `YYYY-MM-DD` of the given instant as seen in Moscow. */
export function moscowDay(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
  return parts; // en-CA formats as YYYY-MM-DD
}

/** The billing period (first day of the month, Moscow time) that contains the instant. */
export function periodOf(instant: Date): string {
  return `${moscowDay(instant).slice(0, 7)}-01`;
}
