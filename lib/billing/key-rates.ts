// The figures penalties are computed with (penalty-sql.ts), kept by staff on /admin/key-rates: the
// Bank of Russia key rate by effective date (the database allows one rate per day) and the relief
// periods (moratoria, rate caps; the database refuses two of a kind overlapping). Every write audited.
import 'server-only';
import { asc, desc } from 'drizzle-orm';
import { db } from '@/db/client';
import { keyRates, penaltyReliefPeriods } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { SessionUser } from '@/lib/auth/session';
import { isExclusionViolation, isUniqueViolation } from '@/lib/db-errors';
import { formatDate } from '@/lib/format/dates';
import { audit } from '@/lib/security/audit';
import type { KeyRateInput, ReliefPeriodInput } from './key-rate-schema';
import type { PenaltyReliefKind } from '@/db/enums';

export interface KeyRateRow {
  id: string;
  effectiveFrom: string;
  rateBasisPoints: number;
}

export interface ReliefPeriodRow {
  id: string;
  kind: PenaltyReliefKind;
  startsOn: string;
  endsOn: string;
  capBasisPoints: number | null;
  basis: string;
}

/** Newest first. */
export async function listKeyRates(): Promise<KeyRateRow[]> {
  return db()
    .select({ id: keyRates.id, effectiveFrom: keyRates.effectiveFrom, rateBasisPoints: keyRates.rateBasisPoints })
    .from(keyRates)
    .orderBy(desc(keyRates.effectiveFrom));
}

/** Oldest first. */
export async function listReliefPeriods(): Promise<ReliefPeriodRow[]> {
  return db()
    .select({
      id: penaltyReliefPeriods.id,
      kind: penaltyReliefPeriods.kind,
      startsOn: penaltyReliefPeriods.startsOn,
      endsOn: penaltyReliefPeriods.endsOn,
      capBasisPoints: penaltyReliefPeriods.capBasisPoints,
      basis: penaltyReliefPeriods.basis,
    })
    .from(penaltyReliefPeriods)
    .orderBy(asc(penaltyReliefPeriods.startsOn));
}

/** «16,5 %» from basis points. */
export function formatRatePercent(basisPoints: number): string {
  return `${(basisPoints / 100).toLocaleString('ru-RU', { maximumFractionDigits: 2 })}\u00a0%`;
}

export async function addKeyRate(staff: SessionUser, input: KeyRateInput): Promise<ActionResult<{ id: string }>> {
  try {
    return await db().transaction(async (tx) => {
      const [row] = await tx
        .insert(keyRates)
        .values({ effectiveFrom: input.effectiveFrom, rateBasisPoints: input.rate, createdBy: staff.id })
        .returning({ id: keyRates.id });
      await audit(
        {
          action: 'key_rate.created',
          actorUserId: staff.id,
          subjectType: 'key_rate',
          subjectId: row!.id,
          details: { effectiveFrom: input.effectiveFrom, rateBasisPoints: input.rate },
        },
        tx,
      );
      return succeed({ id: row!.id });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'key_rates_effective_from_key')) {
      return fail(`Ставка с ${formatDate(input.effectiveFrom)} уже заведена: на один день — одна ставка.`, {
        effectiveFrom: 'На этот день ставка уже есть',
      });
    }
    throw error;
  }
}

export async function addReliefPeriod(
  staff: SessionUser,
  input: ReliefPeriodInput,
): Promise<ActionResult<{ id: string }>> {
  try {
    return await db().transaction(async (tx) => {
      const [row] = await tx
        .insert(penaltyReliefPeriods)
        .values({
          kind: input.kind,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          capBasisPoints: input.capBasisPoints,
          basis: input.basis,
          createdBy: staff.id,
        })
        .returning({ id: penaltyReliefPeriods.id });
      await audit(
        {
          action: 'penalty_relief.created',
          actorUserId: staff.id,
          subjectType: 'penalty_relief_period',
          subjectId: row!.id,
          details: {
            kind: input.kind,
            startsOn: input.startsOn,
            endsOn: input.endsOn,
            capBasisPoints: input.capBasisPoints,
            basis: input.basis,
          },
        },
        tx,
      );
      return succeed({ id: row!.id });
    });
  } catch (error) {
    if (isExclusionViolation(error, 'penalty_relief_periods_no_overlap')) {
      return fail(
        input.kind === 'moratorium'
          ? 'Этот мораторий пересекается с уже заведённым: дни моратория не должны повторяться.'
          : 'Эта предельная ставка пересекается по датам с уже заведённой.',
        { startsOn: 'Пересекается с другим периодом', endsOn: 'Пересекается с другим периодом' },
      );
    }
    throw error;
  }
}
