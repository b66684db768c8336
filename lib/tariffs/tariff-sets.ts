import 'server-only';
import { and, eq, exists, isNull, lt, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { billLines, tariffs } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { SessionUser } from '@/lib/auth/session';
import { isExclusionViolation, isRestrictViolation, isUniqueViolation } from '@/lib/db-errors';
import { formatDate } from '@/lib/format/dates';
import { audit } from '@/lib/security/audit';
import type { TariffSetInput } from './tariff-set-schema';

/** The day before `day` (YYYY-MM-DD), by the calendar. */
function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Adds a tariff set (one category and zone plan, a price per zone and volume range) from the 1st of
 * a month. The set in force until then is closed the day before; the database refuses a set that
 * overlaps another of the same kind (tariffs_no_overlap) and refuses to close a tariff earlier than
 * the last month already billed with it (tariffs_billed_frozen). Nothing is written on a refusal.
 */
export async function createTariffSet(
  staff: SessionUser,
  input: TariffSetInput,
): Promise<ActionResult<{ effectiveFrom: string }>> {
  try {
    return await db().transaction(async (tx) => {
      // Close what is open-ended and started earlier; a later or equal start is an overlap the
      // constraint reports below.
      await tx
        .update(tariffs)
        .set({ effectiveTo: dayBefore(input.effectiveFrom) })
        .where(
          and(
            eq(tariffs.category, input.category),
            eq(tariffs.zonePlan, input.zonePlan),
            isNull(tariffs.effectiveTo),
            lt(tariffs.effectiveFrom, input.effectiveFrom),
          ),
        );
      await tx.insert(tariffs).values(
        input.rates.map((r) => ({
          category: input.category,
          zonePlan: input.zonePlan,
          zone: r.zone,
          rangeFromKwh: r.rangeFromKwh,
          rangeToKwh: r.rangeToKwh,
          priceKopecks: r.priceKopecks,
          effectiveFrom: input.effectiveFrom,
          effectiveTo: null,
          decree: input.decree,
        })),
      );
      await audit(
        {
          action: 'tariff.created',
          actorUserId: staff.id,
          subjectType: 'tariff_set',
          subjectId: `${input.category}/${input.zonePlan}/${input.effectiveFrom}`,
          details: { rates: input.rates, decree: input.decree },
        },
        tx,
      );
      return succeed({ effectiveFrom: input.effectiveFrom });
    });
  } catch (error) {
    if (isExclusionViolation(error, 'tariffs_no_overlap') || isUniqueViolation(error, 'tariffs_key')) {
      return fail(
        `С ${formatDate(input.effectiveFrom)} или позже уже действует тариф этой категории и зонности. Новый набор должен начинаться после последнего.`,
        { effectiveMonth: 'Выберите месяц после начала последнего набора' },
      );
    }
    if (isRestrictViolation(error)) {
      return fail(
        `За месяцы с ${formatDate(input.effectiveFrom)} уже выставлены счета по действующему тарифу — его нельзя изменить задним числом. Выберите более поздний месяц.`,
        { effectiveMonth: 'Выберите месяц после последнего выставленного счёта' },
      );
    }
    throw error;
  }
}

/** Which tariffs a bill already used (they are shown as locked in the console): one index probe each. */
export async function billedTariffIds(): Promise<Set<string>> {
  const rows = await db()
    .select({ id: tariffs.id })
    .from(tariffs)
    .where(
      exists(
        db()
          .select({ one: sql`1` })
          .from(billLines)
          .where(eq(billLines.tariffId, tariffs.id)),
      ),
    );
  return new Set(rows.map((r) => r.id));
}
