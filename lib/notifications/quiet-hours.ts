// No SMS or push at night: 22:00–08:00 Moscow time (UTC+3 all year, so plain arithmetic holds).
import { addCalendarDays } from '@/lib/calendar/working-days';
import { moscowDay } from '@/lib/format/dates';

const QUIET_FROM_HOUR = 22;
const QUIET_UNTIL_HOUR = 8;

function moscowHour(instant: Date): number {
  return (instant.getUTCHours() + 3) % 24;
}

/** When a message asked for at `now` may go out: now, or 08:00 Moscow time if `now` is in quiet hours. */
export function afterQuietHours(now: Date): Date {
  const hour = moscowHour(now);
  if (hour >= QUIET_UNTIL_HOUR && hour < QUIET_FROM_HOUR) return now;
  const today = moscowDay(now);
  const day = hour >= QUIET_FROM_HOUR ? addCalendarDays(today, 1) : today;
  return new Date(`${day}T0${QUIET_UNTIL_HOUR}:00:00+03:00`);
}
