import 'server-only';
import { and, desc, eq, lte } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { connectionRates } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { audit } from '@/lib/security/audit';
import { RATE_CATEGORIES, RATE_CATEGORY_LABEL, type RateCategory } from './calculator';

// The calculator's rates: a row per category and effective date. A rate is never changed; a new
// one from a later date replaces it, so an invoice priced yesterday can always be explained.

export interface RateRow {
  id: string;
  category: RateCategory;
  kopecksPerKw: number;
  effectiveFrom: string;
  basis: string;
  createdAt: Date;
}

/** The rate of each category in force on `day` (Moscow), null where none is set yet. */
export async function ratesOn(day: string, executor: Db | Tx = db()): Promise<Record<RateCategory, number | null>> {
  const out = { household_preferential: null, standard: null } as Record<RateCategory, number | null>;
  for (const category of RATE_CATEGORIES) {
    const [row] = await executor
      .select({ kopecksPerKw: connectionRates.kopecksPerKw })
      .from(connectionRates)
      .where(and(eq(connectionRates.category, category), lte(connectionRates.effectiveFrom, day)))
      .orderBy(desc(connectionRates.effectiveFrom))
      .limit(1);
    out[category] = row?.kopecksPerKw ?? null;
  }
  return out;
}

export async function listRates(): Promise<RateRow[]> {
  const rows = await db()
    .select()
    .from(connectionRates)
    .orderBy(connectionRates.category, desc(connectionRates.effectiveFrom));
  return rows.map((r) => ({ ...r, category: r.category as RateCategory }));
}

/** Staff add a rate from a date (today or later: a past invoice keeps the rate it was priced by). */
export async function addRate(
  staff: { id: string },
  input: { category: RateCategory; rate: number; effectiveFrom: string; basis: string },
  ctx: { ip: string; now?: Date },
): Promise<ActionResult> {
  const today = moscowDay(ctx.now ?? new Date());
  if (input.effectiveFrom < today) {
    return fail('Ставку можно ввести с сегодняшнего дня или позже', {
      effectiveFrom: 'Выберите сегодняшнюю или будущую дату',
    });
  }
  return db().transaction(async (tx) => {
    const inserted = await tx
      .insert(connectionRates)
      .values({
        category: input.category,
        kopecksPerKw: input.rate,
        effectiveFrom: input.effectiveFrom,
        basis: input.basis,
        createdBy: staff.id,
      })
      .onConflictDoNothing()
      .returning({ id: connectionRates.id });
    if (!inserted[0]) {
      return fail('С этой даты ставка для категории уже есть', {
        effectiveFrom: 'На эту дату ставка уже введена — выберите другую дату',
      });
    }
    await audit(
      {
        action: 'connection.rate_added',
        actorUserId: staff.id,
        subjectType: 'connection_rate',
        subjectId: inserted[0].id,
        ip: ctx.ip,
        details: { category: input.category, kopecksPerKw: input.rate, effectiveFrom: input.effectiveFrom },
      },
      tx,
    );
    return succeed({
      message: `${RATE_CATEGORY_LABEL[input.category]}: ${formatRub(input.rate)} за кВт с ${formatDate(input.effectiveFrom)}`,
    });
  });
}
