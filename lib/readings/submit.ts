import 'server-only';
import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import { consumptionVolumes, meters, readings } from '@/db/schema';
import { type ActionResult, fail, type FieldErrors } from '@/lib/actions/result';
import { formatPeriod } from '@/lib/format/dates';
import { formatKwh } from '@/lib/format/money';
import { type TariffZone, zonesForPlan } from '@/lib/tariffs/zones';
import { checkRegister, registerBaselines, registerKey } from './baselines';
import { readingWindowOf } from './settings';
import { readingWindowStatus } from './window';

export interface ReadingSubmission {
  meterId: string;
  /** Raw text per register, as typed. */
  values: Partial<Record<TariffZone, string | undefined>>;
  confirmImplausible: boolean;
  source: 'subscriber' | 'staff';
  userId: string;
  now?: Date;
  /** Staff may enter a reading for a given period; subscribers always get the window's period. */
  period?: string;
}

export type ReadingAccepted = {
  period: string;
  nextPeriod: boolean;
  replaced: boolean;
  unchanged: boolean;
  /** What the period now holds per register, so a form can show it without re-rendering the page. */
  accepted: { zone: TariffZone; value: number }[];
  /** When those values were submitted (ISO). */
  submittedAt: string;
};

async function lastAcceptedBefore(tx: Tx, meterId: string, zone: TariffZone, period: string) {
  const [row] = await tx
    .select({ value: readings.value, period: readings.period })
    .from(readings)
    .where(
      and(
        eq(readings.meterId, meterId),
        eq(readings.zone, zone),
        eq(readings.status, 'accepted'),
        lt(readings.period, period),
      ),
    )
    .orderBy(desc(readings.period))
    .limit(1);
  return row ?? null;
}

/**
 * Accepts one meter's readings for the period the window says (ПП 354 п. 31: outside the window
 * they count for the next period). All registers at once or none. The meter row is locked first,
 * so simultaneous submissions (a double click, two tabs) queue up: the first is stored, a repeat
 * of the same values changes nothing, a different value replaces it — one accepted reading per
 * meter, period and register, whatever the timing.
 */
export async function submitReadings(
  input: ReadingSubmission,
): Promise<ActionResult<ReadingAccepted & { message: string }>> {
  const now = input.now ?? new Date();
  return db().transaction(async (tx) => {
    const [meter] = await tx.select().from(meters).where(eq(meters.id, input.meterId)).for('update');
    if (!meter || meter.status !== 'active') return fail('Счётчик не найден или ещё не подтверждён сотрудником');

    const window = readingWindowStatus(now, await readingWindowOf(tx));
    const period = input.period ?? window.period;
    const zones = zonesForPlan(meter.zonePlan);

    const fieldErrors: FieldErrors = {};
    const accepted: { zone: TariffZone; value: number }[] = [];
    const implausible: string[] = [];
    const baselines = await registerBaselines(tx, [meter.id], period);
    for (const zone of zones) {
      const check = checkRegister(input.values[zone] ?? '', baselines.get(registerKey(meter.id, zone)), period);
      if (!check.ok) fieldErrors[`zone_${zone}`] = check.reason;
      else {
        accepted.push({ zone, value: check.value });
        if (check.implausible) implausible.push(`zone_${zone}`);
      }
    }
    if (Object.keys(fieldErrors).length > 0) return fail('Проверьте показания', fieldErrors);
    if (implausible.length > 0 && !input.confirmImplausible) {
      const warning = 'Расход намного больше обычного. Проверьте цифры и подтвердите, если всё верно.';
      return fail(warning, {
        ...Object.fromEntries(implausible.map((field) => [field, warning])),
        confirmImplausible: 'Отметьте, что показания верные, и отправьте ещё раз',
      });
    }

    const current = await tx
      .select({ id: readings.id, zone: readings.zone, value: readings.value })
      .from(readings)
      .where(and(eq(readings.meterId, meter.id), eq(readings.period, period), eq(readings.status, 'accepted')));
    const unchanged =
      current.length === accepted.length &&
      accepted.every((a) => current.some((c) => c.zone === a.zone && c.value === a.value));
    const base = { period, nextPeriod: input.period ? false : window.nextPeriod, replaced: current.length > 0 };
    if (unchanged) {
      const [kept] = await tx
        .select({ at: readings.submittedAt })
        .from(readings)
        .where(and(eq(readings.meterId, meter.id), eq(readings.period, period), eq(readings.status, 'accepted')))
        .limit(1);
      return {
        ok: true,
        ...base,
        unchanged: true,
        accepted: accepted.map(({ zone, value }) => ({ zone, value })),
        submittedAt: (kept?.at ?? now).toISOString(),
        message: `Показания за ${formatPeriod(period)} уже приняты`,
      };
    }

    if (current.length > 0) {
      await tx
        .update(readings)
        .set({ status: 'superseded' })
        .where(
          inArray(
            readings.id,
            current.map((c) => c.id),
          ),
        );
    }
    await tx.insert(readings).values(
      accepted.map((a) => ({
        meterId: meter.id,
        period,
        zone: a.zone,
        value: a.value,
        source: input.source,
        status: 'accepted' as const,
        submittedBy: input.userId,
        submittedAt: now,
      })),
    );
    const when = formatPeriod(period);
    const estimateNote = await estimatedRunNote(tx, meter.id, period, accepted);
    const message =
      (base.nextPeriod
        ? `Показания приняты и учтены за ${when}: приём за прошлый месяц уже закрыт`
        : base.replaced
          ? `Показания за ${when} исправлены`
          : `Показания за ${when} приняты`) + (estimateNote ? `. ${estimateNote}` : '');
    return {
      ok: true,
      ...base,
      unchanged: false,
      accepted: accepted.map(({ zone, value }) => ({ zone, value })),
      submittedAt: now.toISOString(),
      message,
    };
  });
}

/**
 * ПП 354 п. 61: when readings end a run of estimated months, the next bill recalculates them.
 * Tells the subscriber now, in kWh, what the estimates charged against what the meter counted.
 */
async function estimatedRunNote(
  tx: Tx,
  meterId: string,
  period: string,
  accepted: { zone: TariffZone; value: number }[],
): Promise<string | null> {
  const estimated = await tx
    .select({ period: consumptionVolumes.period, kwh: consumptionVolumes.kwh })
    .from(consumptionVolumes)
    .where(
      and(
        eq(consumptionVolumes.meterId, meterId),
        inArray(consumptionVolumes.method, ['average', 'norm']),
        lt(consumptionVolumes.period, period),
        gt(
          consumptionVolumes.period,
          sql`coalesce((select max(${readings.period}) from ${readings} where ${readings.meterId} = ${meterId} and ${readings.status} = 'accepted' and ${readings.period} < ${period} and ${readings.source} <> 'initial'), '1900-01-01')`,
        ),
      ),
    );
  if (estimated.length === 0) return null;
  let counted = 0;
  for (const a of accepted) {
    const last = await lastAcceptedBefore(tx, meterId, a.zone, period);
    counted += a.value - (last?.value ?? a.value);
  }
  const months = [...new Set(estimated.map((e) => e.period))].sort().map(formatPeriod);
  const billed = estimated.reduce((sum, e) => sum + e.kwh, 0);
  return (
    `За ${months.join(', ')} объём начисляли без показаний — ${formatKwh(billed)}. ` +
    `Счётчик с тех пор насчитал ${formatKwh(counted)} (вместе с этим месяцем); разницу пересчитаем в следующем счёте`
  );
}
