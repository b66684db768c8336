import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { rowsOf } from '@/lib/billing/run-sql';
import { moscowDay } from '@/lib/format/dates';
import { formatAccountAddress } from '@/lib/accounts/list';
import { accruedPenaltiesFromLedger } from './penalties';
import { DEBTORS_PAGE_SIZE, type DebtorFilter } from './debtor-filter';
import type { AccountKind } from '@/db/enums';

// Debtors: accounts whose overdue debt passes the staff's filter, in one statement for any number
// of accounts. The overdue rule is the one of lib/billing/debt.ts (payments pay the oldest debt
// first, so the balance beyond the charges not yet due is overdue), written in SQL so that the
// database filters, sorts and pages. The overdue sum is then laid back over the overdue bills,
// newest first, which gives the debt by period and its age (the oldest unpaid due date).

export interface DebtPeriod {
  period: string;
  dueDate: string;
  owedKopecks: number;
}

export interface Debtor {
  accountId: string;
  number: string;
  kind: AccountKind;
  holderName: string;
  address: string;
  settlement: string;
  balanceKopecks: number;
  overdueKopecks: number;
  /** Days since the oldest due date still unpaid (0 when the overdue part is not from a bill). */
  daysOverdue: number;
  periods: DebtPeriod[];
  /** Overdue debt not made of bills (adjustments, penalties, opening balances). */
  otherOverdueKopecks: number;
  penaltiesKopecks: number;
  lastPayment: { at: Date; amountKopecks: number } | null;
  /**
   * ПП РФ № 354, п. 118: two months of charges by the consumption norm at the tariff in force
   * (households only; null for a company, whose supply rules are different).
   */
  thresholdKopecks: number | null;
  /** The latest debt notice sent on the account. */
  lastNotice: { id: string; at: Date } | null;
}

interface DebtorRow {
  account_id: string;
  number: string;
  kind: AccountKind;
  holder_name: string;
  settlement: string;
  street: string;
  house: string;
  flat: string | null;
  balance: number;
  overdue: number;
  oldest_due: string | null;
  days: number;
  periods: { period: string; due: string; owed: number }[] | null;
  in_bills: number | null;
  paid_at: string | Date | null;
  paid: number | null;
  threshold: number | null;
  notice_at: string | Date | null;
  notice_id: string | null;
  total: number;
}

const asDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

/** The common part: every active account with an overdue debt, and its debt by period. */
function debtorsStatement(today: string, where: SQL, page: { limit: number; offset: number } | null): SQL {
  return sql`
    with balance as (
      select account_id, sum(amount_kopecks)::float8 as balance
        from ledger_entries group by account_id
    ),
    not_due as (
      select account_id, sum(amount_kopecks)::float8 as kopecks
        from bills where due_date >= ${today}::date and amount_kopecks > 0 group by account_id
    ),
    debt as (
      select a.*, b.balance, greatest(b.balance - coalesce(n.kopecks, 0), 0) as overdue
        from accounts a
        join balance b on b.account_id = a.id
        left join not_due n on n.account_id = a.id
       where a.status = 'active'
    ),
    laid as (
      select bl.account_id, bl.period, bl.due_date,
             greatest(0, least(bl.amount_kopecks::float8, d.overdue
               - (sum(bl.amount_kopecks) over (partition by bl.account_id order by bl.period desc) - bl.amount_kopecks))) as owed
        from bills bl join debt d on d.id = bl.account_id
       where d.overdue > 0 and bl.due_date < ${today}::date and bl.amount_kopecks > 0
    ),
    by_period as (
      select account_id,
             jsonb_agg(jsonb_build_object('period', to_char(period, 'YYYY-MM-DD'), 'due', to_char(due_date, 'YYYY-MM-DD'), 'owed', owed) order by period) as periods,
             min(due_date) as oldest_due, sum(owed)::float8 as in_bills
        from laid where owed > 0 group by account_id
    ),
    chosen as (
      select d.*, p.periods, p.in_bills, to_char(p.oldest_due, 'YYYY-MM-DD') as oldest_due,
             coalesce(${today}::date - p.oldest_due, 0) as days,
             count(*) over () as total
        from debt d left join by_period p on p.account_id = d.id
       where d.overdue > 0 and ${where}
       order by d.overdue desc, d.number
       ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}
    )
    select c.id as account_id, c.number, c.kind, c.holder_name, c.settlement, c.street, c.house, c.flat,
           c.balance, c.overdue, c.oldest_due, c.days, c.periods, c.in_bills, c.total::int as total,
           lp.posted_at as paid_at, lp.paid,
           case when c.kind = 'household' then 2 * (
             select coalesce(sum(t.price_kopecks::float8 * greatest(0,
                      least(c.norm_kwh_per_resident * (case when c.residents > 0 then c.residents else c.owners end),
                            coalesce(t.range_to_kwh, 2147483647)) - t.range_from_kwh)), 0)
               from tariffs t
              where t.category = c.tariff_category and t.zone_plan = 1 and t.zone = 'all_day'
                and t.effective_from <= ${today}::date and (t.effective_to is null or t.effective_to >= ${today}::date)
           ) end as threshold,
           ln.created_at as notice_at, ln.id as notice_id
      from chosen c
      left join lateral (
        select l.posted_at, (-l.amount_kopecks)::float8 as paid
          from ledger_entries l
         where l.account_id = c.id and l.kind = 'payment'
         order by l.posted_at desc, l.id desc limit 1
      ) lp on true
      left join lateral (
        select n.id, n.created_at from debt_notices n where n.account_id = c.id order by n.created_at desc limit 1
      ) ln on true
     order by c.overdue desc, c.number`;
}

function filterSql(filter: DebtorFilter, today: string): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.minDebtKopecks > 0) parts.push(sql`d.overdue > ${filter.minDebtKopecks}`);
  if (filter.minDays > 0) parts.push(sql`${today}::date - p.oldest_due >= ${filter.minDays}`);
  if (filter.settlement) parts.push(sql`d.settlement = ${filter.settlement}`);
  return sql.join(parts, sql` and `);
}

async function run(statement: SQL): Promise<{ rows: Debtor[]; total: number }> {
  const raw = rowsOf<DebtorRow>(await db().execute(statement));
  const penalties = await accruedPenaltiesFromLedger(raw.map((r) => r.account_id));
  const rows = raw.map((r): Debtor => {
    const overdue = Number(r.overdue);
    const inBills = Number(r.in_bills ?? 0);
    return {
      accountId: r.account_id,
      number: r.number,
      kind: r.kind,
      holderName: r.holder_name,
      address: formatAccountAddress(r),
      settlement: r.settlement,
      balanceKopecks: Number(r.balance),
      overdueKopecks: overdue,
      daysOverdue: Number(r.days),
      periods: (r.periods ?? []).map((p) => ({ period: p.period, dueDate: p.due, owedKopecks: Number(p.owed) })),
      otherOverdueKopecks: Math.max(overdue - inBills, 0),
      penaltiesKopecks: penalties.get(r.account_id) ?? 0,
      lastPayment: r.paid_at ? { at: asDate(r.paid_at), amountKopecks: Number(r.paid) } : null,
      thresholdKopecks: r.threshold === null ? null : Math.round(Number(r.threshold)),
      lastNotice: r.notice_at && r.notice_id ? { id: r.notice_id, at: asDate(r.notice_at) } : null,
    };
  });
  return { rows, total: raw[0] ? Number(raw[0].total) : 0 };
}

/** One page of debtors, the largest overdue debt first, and how many match the filter in all. */
export async function listDebtors(
  filter: DebtorFilter,
  options: { page?: number; pageSize?: number; today?: string } = {},
): Promise<{ rows: Debtor[]; total: number }> {
  const today = options.today ?? moscowDay(new Date());
  const limit = options.pageSize ?? DEBTORS_PAGE_SIZE;
  const offset = ((options.page ?? 1) - 1) * limit;
  return run(debtorsStatement(today, filterSql(filter, today), { limit, offset }));
}

const DEBTORS_EXPORT_LIMIT = 20_000;

/** Every debtor the filter matches (the export), capped so one request stays bounded. */
export async function allDebtors(filter: DebtorFilter, today: string = moscowDay(new Date())): Promise<Debtor[]> {
  return (await run(debtorsStatement(today, filterSql(filter, today), { limit: DEBTORS_EXPORT_LIMIT, offset: 0 })))
    .rows;
}

/** One account's debt as the list shows it, or null when nothing of it is overdue. */
export async function debtorOf(accountId: string, today: string = moscowDay(new Date())): Promise<Debtor | null> {
  const { rows } = await run(debtorsStatement(today, sql`d.id = ${accountId}`, null));
  return rows[0] ?? null;
}

/** The settlements of the accounts registry, for the filter's list. */
export async function debtorSettlements(): Promise<string[]> {
  const rows = rowsOf<{ settlement: string }>(
    await db().execute(sql`select distinct settlement from accounts where status = 'active' order by settlement`),
  );
  return rows.map((r) => r.settlement);
}
