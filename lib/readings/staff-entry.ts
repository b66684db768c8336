// A reading staff enter for a subscriber (dictated by phone, read on a visit), on the one write path.
import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { readings } from '@/db/schema';
import { type ActionResult, fail } from '@/lib/actions/result';
import { formatPeriod } from '@/lib/format/dates';
import { audit } from '@/lib/security/audit';
import type { TariffZone } from '@/lib/tariffs/zones';
import { readingWindowOf } from './settings';
import { type ReadingAccepted, submitReadings } from './submit';
import { readingWindowStatus } from './window';
import { isBillingPeriod } from '@/lib/validation/calendar';

export interface StaffReadingEntry {
  meterId: string;
  period: string;
  /** Raw text per register, as typed. */
  values: Partial<Record<TariffZone, string | undefined>>;
  confirmImplausible: boolean;
}

/**
 * A reading entered by staff (e.g. dictated by phone), recorded with source `staff`. Goes through
 * `submitReadings`, the one write path of readings (whole numbers, not below the previous reading,
 * the implausibility confirmation, one accepted reading per period). Staff choose the period, so
 * this first refuses what that path does not check: a future period, and a period before readings
 * already accepted later (or before the meter was connected) — the register would go backwards.
 */
export async function enterStaffReading(
  staff: { id: string },
  entry: StaffReadingEntry,
  now = new Date(),
): Promise<ActionResult<ReadingAccepted & { message: string }>> {
  if (!isBillingPeriod(entry.period)) return fail('Период не найден — обновите страницу');
  const current = readingWindowStatus(now, await readingWindowOf(db())).period;
  if (entry.period > current)
    return fail(
      `Показания за ${formatPeriod(entry.period)} ещё не принимаются: сейчас идёт приём за ${formatPeriod(current)}`,
    );

  const [later] = await db()
    .select({ period: readings.period, source: readings.source })
    .from(readings)
    .where(
      and(
        eq(readings.meterId, entry.meterId),
        eq(readings.status, 'accepted'),
        sql`(${readings.period} > ${entry.period} or (${readings.period} = ${entry.period} and ${readings.source} = 'initial'))`,
      ),
    )
    .orderBy(desc(readings.period))
    .limit(1);
  if (later?.source === 'initial') {
    return fail(
      `Счётчик подключён с начальными показаниями за ${formatPeriod(later.period)}: показания за ${formatPeriod(entry.period)} к нему не относятся`,
    );
  }
  if (later) {
    return fail(
      `За ${formatPeriod(later.period)} уже приняты показания этого счётчика. Показание за более ранний ${formatPeriod(entry.period)} внести нельзя: расход следующих месяцев уже посчитан от них.`,
    );
  }
  const result = await submitReadings({
    meterId: entry.meterId,
    values: entry.values,
    confirmImplausible: entry.confirmImplausible,
    source: 'staff',
    userId: staff.id,
    now,
    period: entry.period,
  });
  if (result.ok) {
    await audit({
      action: 'reading.entered_by_staff',
      actorUserId: staff.id,
      subjectType: 'meter',
      subjectId: entry.meterId,
      details: { period: entry.period, values: entry.values, confirmImplausible: entry.confirmImplausible },
    });
  }
  return result;
}
