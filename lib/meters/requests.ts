// A subscriber asks to add a meter; staff confirm it (with the initial readings) or reject it.
// Each write is one transaction; decisions are conditional on the request still pending, so two
// staff members clicking at once cannot both decide.
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, meters, readings } from '@/db/schema';
import { type ActionResult, fail, type FieldErrors } from '@/lib/actions/result';
import { canAccessAccount, type SessionUser } from '@/lib/auth/session';
import { formatDate, formatPeriod, moscowDay } from '@/lib/format/dates';
import { validateNewReading } from '@/lib/readings/consumption';
import { readingWindowOf } from '@/lib/readings/settings';
import { readingWindowStatus, shiftPeriod } from '@/lib/readings/window';
import { type TariffZone, zonesForPlan } from '@/lib/tariffs/zones';
import { audit } from '@/lib/security/audit';
import { fieldErrorsOf } from '@/lib/validation/form-data';
import { checkNameplatePhoto } from './photo';
import { applyReplacement, Refused } from './replacement';
import { confirmMeterSchema, rejectMeterSchema, requestMeterSchema } from './schemas';
import { isUniqueViolation } from '@/lib/db-errors';

/** Open requests per account: enough for a household, a ceiling for 2 MB photos sent in a loop. */
export const MAX_PENDING_PER_ACCOUNT = 5;

const SERIAL_KEY = 'meters_account_serial_key';

export interface MeterRequest {
  accountId: string;
  serialNumber: string;
  zonePlan: 1 | 2 | 3 | '1' | '2' | '3';
  /** `YYYY-MM-DD`. */
  installedAt: string;
  model?: string;
  /** A File / Blob from the form; optional. */
  photo?: unknown;
  /** The account's active meter this one replaced (the subscriber reports a replacement). */
  replacesMeterId?: string;
}

function duplicateMessage(serial: string, status: string): string {
  switch (status) {
    case 'pending_confirmation':
      return `Заявка на счётчик № ${serial} уже отправлена и ждёт подтверждения сотрудником`;
    case 'active':
      return `Счётчик № ${serial} уже подключён к этому лицевому счёту`;
    default:
      return `Счётчик № ${serial} раньше был на этом лицевом счёте и снят. Если его установили снова, позвоните нам — сотрудник восстановит его`;
  }
}

/**
 * A `pending_confirmation` meter on one of the user's accounts. A duplicate serial on the account is
 * a field error, never a 500; a request rejected earlier can be sent again with the same serial (the
 * rejected row is reused: the unique (account, serial) index allows one row).
 */
export async function requestMeter(
  user: SessionUser,
  input: MeterRequest,
  now = new Date(),
): Promise<ActionResult<{ meterId: string }>> {
  const parsed = requestMeterSchema.safeParse(input);
  if (!parsed.success) return fail('Проверьте выделенные поля', fieldErrorsOf(parsed.error));
  const { accountId, serialNumber, zonePlan, installedAt, model, replacesMeterId } = parsed.data;
  if (!(await canAccessAccount(user, accountId))) {
    return fail('Лицевой счёт не найден среди ваших', { accountId: 'Выберите один из своих лицевых счетов' });
  }

  const fieldErrors: FieldErrors = {};
  const today = moscowDay(now);
  if (installedAt > today)
    fieldErrors.installedAt = `Дата установки не может быть позже сегодняшней (${formatDate(today)})`;
  else if (installedAt < '1980-01-01') fieldErrors.installedAt = 'Проверьте дату установки: она слишком давняя';

  let photo: string | null = null;
  // An empty file input reaches a Server Action as a 0-byte File named "undefined" (React builds it
  // from busboy's missing filename), which lib/validation/form-data.ts does not drop: no photo.
  const noPhoto =
    input.photo === undefined || input.photo === null || (input.photo instanceof Blob && input.photo.size === 0);
  if (!noPhoto) {
    const check = await checkNameplatePhoto(input.photo);
    if (check.ok) photo = check.dataUrl;
    else fieldErrors.photo = check.reason;
  }
  if (replacesMeterId) {
    const [replaced] = await db()
      .select({ accountId: meters.accountId, status: meters.status })
      .from(meters)
      .where(eq(meters.id, replacesMeterId));
    if (!replaced || replaced.accountId !== accountId || replaced.status !== 'active')
      fieldErrors.replacesMeterId = 'Выберите заменённый счётчик из подключённых к этому лицевому счёту';
  }
  if (Object.keys(fieldErrors).length > 0) return fail('Проверьте выделенные поля', fieldErrors);

  const duplicate = (status: string) =>
    fail('Проверьте выделенные поля', { serialNumber: duplicateMessage(serialNumber, status) });
  try {
    return await db().transaction(async (tx) => {
      // Locks the account row: requests for one account queue up, so the pending cap holds.
      const [account] = await tx
        .select({ status: accounts.status })
        .from(accounts)
        .where(eq(accounts.id, accountId))
        .for('update');
      if (!account || account.status !== 'active') return fail('Лицевой счёт закрыт: добавить к нему счётчик нельзя');

      const [pending] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(meters)
        .where(and(eq(meters.accountId, accountId), eq(meters.status, 'pending_confirmation')));
      const values = {
        zonePlan,
        installedAt,
        model: model ?? null,
        nameplatePhoto: photo,
        replacesMeterId: replacesMeterId ?? null,
        requestedBy: user.id,
        createdAt: now,
      };

      const [existing] = await tx
        .select({ id: meters.id, status: meters.status })
        .from(meters)
        .where(and(eq(meters.accountId, accountId), eq(meters.serialNumber, serialNumber)));
      if (existing && existing.status !== 'rejected') return duplicate(existing.status);
      if ((pending?.n ?? 0) >= MAX_PENDING_PER_ACCOUNT) {
        return fail(
          `По этому лицевому счёту уже ${MAX_PENDING_PER_ACCOUNT} заявок ждут подтверждения. Дождитесь решения по ним.`,
        );
      }

      if (existing) {
        // A rejected request sent again: the same row becomes a fresh request.
        await tx
          .update(meters)
          .set({ ...values, status: 'pending_confirmation', verificationDue: null })
          .where(and(eq(meters.id, existing.id), eq(meters.status, 'rejected')));
        return { ok: true, meterId: existing.id, message: requestedMessage(serialNumber) } as const;
      }
      const [row] = await tx
        .insert(meters)
        .values({ accountId, serialNumber, status: 'pending_confirmation', ...values })
        .returning({ id: meters.id });
      return { ok: true, meterId: row!.id, message: requestedMessage(serialNumber) } as const;
    });
  } catch (error) {
    // Two identical requests at the same moment: the index lets one in.
    if (isUniqueViolation(error, SERIAL_KEY)) return duplicate('pending_confirmation');
    throw error;
  }
}

function requestedMessage(serial: string): string {
  return `Заявка на счётчик № ${serial} отправлена. Сотрудник проверит её и внесёт начальные показания — после этого счётчик появится в разделе «Показания».`;
}

function alreadyDecided(status: string): string {
  if (status === 'active') return 'Эту заявку уже подтвердил другой сотрудник — обновите страницу.';
  if (status === 'rejected') return 'Эту заявку уже отклонил другой сотрудник — обновите страницу.';
  return 'Эта заявка уже рассмотрена — обновите страницу.';
}

export interface MeterConfirmation {
  meterId: string;
  /** `YYYY-MM-DD`; optional (a meter may be confirmed before its passport is checked). */
  verificationDue?: string;
  /** The register at installation, raw text per zone of the meter. */
  initial: Partial<Record<TariffZone, string | undefined>>;
  /** For a reported replacement: the old meter's final register per zone. */
  final?: Partial<Record<TariffZone, string | undefined>>;
}

/**
 * Confirms a request in ONE transaction: the meter becomes active and its initial readings
 * (source `initial`, whole kWh ≥ 0, every zone of the plan) are recorded for the period before the
 * one readings are being taken for now, so the subscriber's first reading is measured from them.
 */
export async function confirmMeter(
  staff: { id: string },
  input: MeterConfirmation,
  now = new Date(),
): Promise<ActionResult<{ meterId: string; period: string }>> {
  const parsed = confirmMeterSchema.safeParse({ meterId: input.meterId, verificationDue: input.verificationDue });
  if (!parsed.success) return fail('Проверьте выделенные поля', fieldErrorsOf(parsed.error));
  const verificationDue = parsed.data.verificationDue ?? null;

  return db()
    .transaction(async (tx) => {
      // The row lock makes a second confirmation (or a rejection) wait, then see the decision.
      const [meter] = await tx.select().from(meters).where(eq(meters.id, input.meterId)).for('update');
      if (!meter) return fail('Заявка не найдена — обновите страницу.');
      if (meter.status !== 'pending_confirmation') return fail(alreadyDecided(meter.status));
      if (meter.replacesMeterId) {
        // A reported replacement: the old meter's final reading and the new one's initial, together.
        if (verificationDue !== null && verificationDue <= meter.installedAt) {
          return fail('Проверьте выделенные поля', {
            verificationDue: `Дата поверки должна быть позже даты установки (${formatDate(meter.installedAt)})`,
          });
        }
        const replaced = await applyReplacement(tx, {
          oldMeterId: meter.replacesMeterId,
          newMeterId: meter.id,
          date: meter.installedAt,
          final: input.final ?? {},
          initial: input.initial,
          staffId: staff.id,
          now,
        });
        if (!replaced.ok) throw new Refused(replaced);
        if (verificationDue !== null) await tx.update(meters).set({ verificationDue }).where(eq(meters.id, meter.id));
        await audit(
          {
            action: 'meter.replacement_confirmed',
            actorUserId: staff.id,
            subjectType: 'meter',
            subjectId: meter.id,
            details: { serialNumber: meter.serialNumber, replaces: meter.replacesMeterId, period: replaced.period },
          },
          tx,
        );
        return { ok: true, meterId: meter.id, period: replaced.period, message: replaced.message } as const;
      }

      const fieldErrors: FieldErrors = {};
      const values: { zone: TariffZone; value: number }[] = [];
      for (const zone of zonesForPlan(meter.zonePlan)) {
        const check = validateNewReading({
          value: input.initial[zone] ?? '',
          lastAccepted: null,
          averageMonthly: null,
        });
        if (check.ok) values.push({ zone, value: check.value });
        else fieldErrors[`zone_${zone}`] = check.reason;
      }
      if (verificationDue !== null && verificationDue <= meter.installedAt) {
        fieldErrors.verificationDue = `Дата поверки должна быть позже даты установки (${formatDate(meter.installedAt)})`;
      }
      if (Object.keys(fieldErrors).length > 0) return fail('Проверьте начальные показания', fieldErrors);

      const window = readingWindowStatus(now, await readingWindowOf(tx));
      const period = shiftPeriod(window.period, -1);
      const [updated] = await tx
        .update(meters)
        .set({ status: 'active', verificationDue })
        .where(and(eq(meters.id, meter.id), eq(meters.status, 'pending_confirmation')))
        .returning({ id: meters.id });
      if (!updated) return fail(alreadyDecided('decided'));
      await tx.insert(readings).values(
        values.map((v) => ({
          meterId: meter.id,
          period,
          zone: v.zone,
          value: v.value,
          source: 'initial' as const,
          status: 'accepted' as const,
          submittedBy: staff.id,
          submittedAt: now,
        })),
      );
      await audit(
        {
          action: 'meter.confirmed',
          actorUserId: staff.id,
          subjectType: 'meter',
          subjectId: meter.id,
          details: { serialNumber: meter.serialNumber, period, verificationDue },
        },
        tx,
      );
      return {
        ok: true,
        meterId: meter.id,
        period,
        message: `Счётчик № ${meter.serialNumber} подключён; начальные показания записаны за ${formatPeriod(period)}`,
      } as const;
    })
    .catch((error: unknown) => {
      if (error instanceof Refused) return error.result;
      throw error;
    });
}

/** Rejects a request (conditional on it still pending). */
export async function rejectMeter(
  staff: { id: string },
  input: { meterId: string; reason: string },
): Promise<ActionResult<{ meterId: string }>> {
  const parsed = rejectMeterSchema.safeParse(input);
  if (!parsed.success) return fail('Проверьте выделенные поля', fieldErrorsOf(parsed.error));
  return db().transaction(async (tx) => {
    const [updated] = await tx
      .update(meters)
      .set({ status: 'rejected' })
      .where(and(eq(meters.id, parsed.data.meterId), eq(meters.status, 'pending_confirmation')))
      .returning({ id: meters.id, serialNumber: meters.serialNumber });
    if (!updated) {
      const [current] = await tx
        .select({ status: meters.status })
        .from(meters)
        .where(eq(meters.id, parsed.data.meterId));
      return fail(current ? alreadyDecided(current.status) : 'Заявка не найдена — обновите страницу.');
    }
    await audit(
      {
        action: 'meter.rejected',
        actorUserId: staff.id,
        subjectType: 'meter',
        subjectId: updated.id,
        details: { serialNumber: updated.serialNumber, reason: parsed.data.reason },
      },
      tx,
    );
    return { ok: true, meterId: updated.id, message: `Заявка на счётчик № ${updated.serialNumber} отклонена` } as const;
  });
}
