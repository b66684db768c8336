// The period of an акт сверки as the accountant picks it: Moscow calendar days, both inclusive.
// Pure (no database): the page, the PDF and the XLSX routes read the same query string the same way.
import { z } from 'zod';
import { moscowDay } from '@/lib/format/dates';
import { isCalendarDay } from '@/lib/validation/calendar';

/** Longer than this and the act stops being a document anyone signs: ask for a shorter one. */
const MAX_RANGE_YEARS = 3;

const FROM = 'Укажите дату начала периода: ДД.ММ.ГГГГ';
const TO = 'Укажите дату конца периода: ДД.ММ.ГГГГ';
const ACCOUNT = 'Выберите лицевой счёт из списка';

const reconciliationQuerySchema = z.object({
  /** An account's id, or `all` for every account of the company. */
  account: z.union([z.literal('all'), z.uuid(ACCOUNT)], { error: ACCOUNT }).default('all'),
  from: z.string(FROM).refine(isCalendarDay, FROM),
  to: z.string(TO).refine(isCalendarDay, TO),
});

export interface ReconciliationRange {
  accountId: string | null;
  from: string;
  to: string;
}

export type RangeCheck = { ok: true; range: ReconciliationRange } | { ok: false; message: string };

function addYears(day: string, years: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** The period read from a query string, or the Russian sentence that says what to change. */
export function reconciliationRange(params: Record<string, string | undefined>, now: Date): RangeCheck {
  const parsed = reconciliationQuerySchema.safeParse(params);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const { account, from, to } = parsed.data;
  const today = moscowDay(now);
  if (from > to) return { ok: false, message: 'Дата начала периода позже даты его конца. Поменяйте их местами.' };
  if (to > today) return { ok: false, message: 'Конец периода ещё не наступил: укажите сегодняшний день или раньше.' };
  if (addYears(from, MAX_RANGE_YEARS) <= to) {
    return { ok: false, message: `Период акта сверки — не больше ${MAX_RANGE_YEARS} лет. Разбейте его на несколько.` };
  }
  return { ok: true, range: { accountId: account === 'all' ? null : account, from, to } };
}

/** The default the page opens with: from the 1st of January to today. */
export function defaultRange(now: Date): { from: string; to: string } {
  const today = moscowDay(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}
