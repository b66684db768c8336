import 'server-only';
import { and, gte, lte } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { workCalendarDays } from '@/db/schema';
import type { WorkCalendar } from './working-days';

/**
 * The production calendar's exceptions between two days (inclusive), from the `work_calendar_days`
 * table. Callers ask for a generous window around their deadlines (a year is a few dozen rows).
 */
export async function loadWorkCalendar(from: string, to: string, executor: Db | Tx = db()): Promise<WorkCalendar> {
  const rows = await executor
    .select()
    .from(workCalendarDays)
    .where(and(gte(workCalendarDays.day, from), lte(workCalendarDays.day, to)));
  return {
    offDays: new Set(rows.filter((r) => !r.working).map((r) => r.day)),
    workedWeekends: new Set(rows.filter((r) => r.working).map((r) => r.day)),
  };
}
