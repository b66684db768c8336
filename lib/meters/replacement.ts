// A meter replacement, in one transaction: the old meter's final reading per zone, then it is removed;
// the new meter (serial, type, zones) becomes active with its initial reading. The billing run
// (lib/billing/run-sql.ts) then bills the replacement period with the old meter's use up to its
// final reading and the new meter's from its initial reading, and the household's average runs
// across both (the new meter's `replaces_meter_id`).
//
// Periods: the final reading goes to the replacement period R — the period a reading taken on the
// replacement day counts for, or the first period the account has no bill for yet if that is later
// (a billed period is never reopened) — and the new meter's initial reading to R − 1, so its first
// reading in R or later is measured from it without displacing it (one accepted reading per period).
import 'server-only';
import { and, desc, eq, gte, max } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import { bills, meters, readings } from '@/db/schema';
import { audit } from '@/lib/security/audit';
import { type ActionFailure, type ActionResult, fail, type FieldErrors } from '@/lib/actions/result';
import { formatDate, formatPeriod, moscowDay } from '@/lib/format/dates';
import { validateNewReading } from '@/lib/readings/consumption';
import { readingWindowOf } from '@/lib/readings/settings';
import { readingWindowStatus, shiftPeriod } from '@/lib/readings/window';
import { type TariffZone, zonesForPlan } from '@/lib/tariffs/zones';
import { fieldErrorsOf } from '@/lib/validation/form-data';
import { staffReplacementSchema } from './schemas';

export type RegisterTexts = Partial<Record<TariffZone, string | undefined>>;

interface ReplacementFacts {
  oldMeterId: string;
  newMeterId: string;
  /** `YYYY-MM-DD`: the day the new meter was installed. */
  date: string;
  final: RegisterTexts;
  initial: RegisterTexts;
  staffId: string;
  now: Date;
}

/**
 * The writes of a replacement inside the caller's transaction (the new meter row exists, pending or
 * just inserted). Field errors are named `final_zone_*` and `zone_*`.
 */
export async function applyReplacement(
  tx: Tx,
  facts: ReplacementFacts,
): Promise<ActionResult<{ period: string; oldSerial: string }>> {
  const [old] = await tx.select().from(meters).where(eq(meters.id, facts.oldMeterId)).for('update');
  const [fresh] = await tx.select().from(meters).where(eq(meters.id, facts.newMeterId)).for('update');
  if (!old || !fresh || old.accountId !== fresh.accountId)
    return fail('Заменяемый счётчик не найден — обновите страницу.');
  if (old.status !== 'active') return fail(`Счётчик № ${old.serialNumber} уже снят или не подключён.`);

  const fieldErrors: FieldErrors = {};
  const today = moscowDay(facts.now);
  if (facts.date > today)
    fieldErrors.installedAt = `Дата замены не может быть позже сегодняшней (${formatDate(today)})`;
  if (facts.date < old.installedAt)
    fieldErrors.installedAt = `Дата замены раньше установки старого счётчика (${formatDate(old.installedAt)})`;

  const window = await readingWindowOf(tx);
  // The replacement day's period by the reading window, at Moscow noon of that day.
  let period = readingWindowStatus(new Date(`${facts.date}T09:00:00Z`), window).period;
  const [billed] = await tx
    .select({ last: max(bills.period) })
    .from(bills)
    .where(eq(bills.accountId, old.accountId));
  if (billed?.last && billed.last >= period) period = shiftPeriod(billed.last, 1);

  const finals: { zone: TariffZone; value: number }[] = [];
  for (const zone of zonesForPlan(old.zonePlan)) {
    const [last] = await tx
      .select({ value: readings.value })
      .from(readings)
      .where(and(eq(readings.meterId, old.id), eq(readings.zone, zone), eq(readings.status, 'accepted')))
      .orderBy(desc(readings.period))
      .limit(1);
    const check = validateNewReading({
      value: facts.final[zone] ?? '',
      lastAccepted: last?.value ?? null,
      averageMonthly: null,
    });
    if (check.ok) finals.push({ zone, value: check.value });
    else fieldErrors[`final_zone_${zone}`] = check.reason;
  }
  const initials: { zone: TariffZone; value: number }[] = [];
  for (const zone of zonesForPlan(fresh.zonePlan)) {
    const check = validateNewReading({ value: facts.initial[zone] ?? '', lastAccepted: null, averageMonthly: null });
    if (check.ok) initials.push({ zone, value: check.value });
    else fieldErrors[`zone_${zone}`] = check.reason;
  }
  if (Object.keys(fieldErrors).length > 0) return fail('Проверьте показания и дату замены', fieldErrors);

  // A reading the subscriber sent for the replacement period (or later) is replaced by the final one.
  await tx
    .update(readings)
    .set({ status: 'superseded' })
    .where(and(eq(readings.meterId, old.id), eq(readings.status, 'accepted'), gte(readings.period, period)));
  await tx.insert(readings).values(
    finals.map((f) => ({
      meterId: old.id,
      period,
      zone: f.zone,
      value: f.value,
      source: 'staff' as const,
      status: 'accepted' as const,
      submittedBy: facts.staffId,
      submittedAt: facts.now,
    })),
  );
  await tx.update(meters).set({ status: 'removed', removedAt: facts.date }).where(eq(meters.id, old.id));
  await tx
    .update(meters)
    .set({ status: 'active', replacesMeterId: old.id, installedAt: facts.date })
    .where(eq(meters.id, fresh.id));
  await tx.insert(readings).values(
    initials.map((v) => ({
      meterId: fresh.id,
      period: shiftPeriod(period, -1),
      zone: v.zone,
      value: v.value,
      source: 'initial' as const,
      status: 'accepted' as const,
      submittedBy: facts.staffId,
      submittedAt: facts.now,
    })),
  );
  return {
    ok: true,
    period,
    oldSerial: old.serialNumber,
    message:
      `Счётчик № ${old.serialNumber} снят, № ${fresh.serialNumber} подключён. ` +
      `Расход старого счётчика до конечного показания войдёт в счёт за ${formatPeriod(period)}.`,
  };
}

export interface StaffReplacement {
  oldMeterId: string;
  serialNumber: string;
  model?: string;
  zonePlan: 1 | 2 | 3 | '1' | '2' | '3';
  installedAt: string;
  verificationDue?: string;
  final: RegisterTexts;
  initial: RegisterTexts;
}

/** A replacement staff record themselves (a technician's report, a visit): the new meter row and the rest at once. */
export async function replaceMeter(
  staff: { id: string },
  input: StaffReplacement,
  now = new Date(),
): Promise<ActionResult<{ meterId: string; period: string }>> {
  const parsed = staffReplacementSchema.safeParse({
    oldMeterId: input.oldMeterId,
    serialNumber: input.serialNumber,
    model: input.model,
    zonePlan: input.zonePlan,
    installedAt: input.installedAt,
    verificationDue: input.verificationDue,
  });
  if (!parsed.success) return fail('Проверьте выделенные поля', fieldErrorsOf(parsed.error));
  const { oldMeterId, serialNumber, model, zonePlan, installedAt, verificationDue } = parsed.data;
  try {
    return await db().transaction(async (tx) => {
      const [old] = await tx.select({ accountId: meters.accountId }).from(meters).where(eq(meters.id, oldMeterId));
      if (!old) return fail('Заменяемый счётчик не найден — обновите страницу.');
      const [taken] = await tx
        .select({ id: meters.id })
        .from(meters)
        .where(and(eq(meters.accountId, old.accountId), eq(meters.serialNumber, serialNumber)));
      if (taken)
        return fail('Проверьте выделенные поля', {
          serialNumber: `Счётчик № ${serialNumber} уже есть на этом лицевом счёте`,
        });
      const [row] = await tx
        .insert(meters)
        .values({
          accountId: old.accountId,
          serialNumber,
          model: model ?? null,
          zonePlan,
          installedAt,
          verificationDue: verificationDue ?? null,
          status: 'pending_confirmation',
          createdAt: now,
        })
        .returning({ id: meters.id });
      const result = await applyReplacement(tx, {
        oldMeterId,
        newMeterId: row!.id,
        date: installedAt,
        final: input.final,
        initial: input.initial,
        staffId: staff.id,
        now,
      });
      // Nothing of a refused replacement stays, the new meter row included.
      if (!result.ok) throw new Refused(result);
      await audit(
        {
          action: 'meter.replaced',
          actorUserId: staff.id,
          subjectType: 'meter',
          subjectId: row!.id,
          details: { serialNumber, replaces: oldMeterId, period: result.period },
        },
        tx,
      );
      return { ok: true, meterId: row!.id, period: result.period, message: result.message } as const;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

/** Thrown out of a transaction so it rolls back, carrying the refusal for the user. */
export class Refused extends Error {
  constructor(readonly result: ActionFailure) {
    super('refused');
  }
}
