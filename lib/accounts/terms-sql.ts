// Residents, owners and tariff category as they were in force in a billing period, for SQL that
// reads accounts `a`: the latest account_terms row starting on or before the period, else the
// account's own columns (an account whose values never changed by date has no rows).
import { sql, type SQL } from 'drizzle-orm';

/** A lateral join adding `term` (null columns without a dated row) to a query over `accounts a`. */
export function termsInForceJoin(period: SQL): SQL {
  return sql`left join lateral (
    select h.residents, h.owners, h.tariff_category from account_terms h
    where h.account_id = a.id and h.effective_from <= ${period}
    order by h.effective_from desc limit 1
  ) term on true`;
}

/** The value of one column of `a` in force in the period (needs `termsInForceJoin`). */
export function termInForce(column: 'residents' | 'owners' | 'tariff_category'): SQL {
  return sql.raw(`coalesce(term.${column}, a.${column})`);
}
