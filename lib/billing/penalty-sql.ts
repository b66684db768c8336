// Penalties (пени, ЖК РФ ст. 155 ч. 14) as one set-based statement of the billing run, run right after
// a chunk's bills are written and in the same transaction (the staff preview runs it too, then rolls
// back). The rules (docs/billing-rules-penalties.md):
// - a bill B accrues the overdue days from the calculation day of the account's previous bill up to
//   the day before its own (calculation day = the Moscow day the bill is issued), so consecutive
//   bills cover consecutive days and a day is never looked at twice;
// - the debt of a day: payments pay the oldest debt first (by period, a period's charge before its
//   penalty), so a charge is still owed on day d by what the credits posted before d have not reached;
// - day n after the due date: nothing for n ≤ 30, 1/300 of the rate for 31…90, 1/130 from 91;
//   no penalty on the days of a moratorium;
// - the rate: the key rate in force on each day, not above a rate cap in force that day;
// - one line per overdue bill, with its days, bases and rates; the line's amount is
//   Σ base × rate ÷ 10 000 ÷ divisor over its days, rounded half up to the kopeck once per line;
// - every accrued day is a `penalty_days` row keyed by (debt bill, day): never charged twice.
import { sql, type SQL } from 'drizzle-orm';
import { scopeFilter, type ChunkScope } from './run-sql';
import { sqlPeriod, sqlRub } from './describe-sql';

/** The Moscow calendar day of a timestamptz expression (UTC+3 all year, no zone database needed). */
function moscowDate(instant: SQL): SQL {
  return sql`(((${instant}) at time zone 'UTC') + interval '3 hours')::date`;
}

/** «9,5 %» from hundredths of a percent (950). */
function sqlPercent(basisPoints: SQL): SQL {
  return sql`((${basisPoints}) / 100)::text || (case
    when (${basisPoints}) % 100 = 0 then ''
    when (${basisPoints}) % 10 = 0 then ',' || ((${basisPoints}) % 100 / 10)::text
    else ',' || lpad(((${basisPoints}) % 100)::text, 2, '0') end) || ${'\u00a0%'}::text`;
}

/** «11.12.2026» of a `date` expression. */
function sqlDay(day: SQL): SQL {
  return sql`to_char(${day}, 'DD.MM.YYYY')`;
}

/**
 * Accrues the penalties of the bills the run `runId` wrote for the accounts of `scope`: the days,
 * a penalty line per overdue bill, the bill's amount raised by them and one `penalty` ledger entry.
 * Bills that already have accrued days are left alone, so running it twice changes nothing.
 */
export function accruePenaltiesStatement(opts: { runId: string; scope: ChunkScope }): SQL {
  const calcDay = moscowDate(sql`b.issued_at`);
  return sql`
    with target as (
      select b.id as bill_id, b.account_id, b.issued_at, ${calcDay} as calc_day
      from bills b join accounts a on a.id = b.account_id
      where b.billing_run_id = ${opts.runId}::uuid and ${scopeFilter(opts.scope)}
        and not exists (select 1 from penalty_days x where x.penalty_bill_id = b.id)
    ),
    win as materialized (
      select t.*,
        coalesce((
          select max(${moscowDate(sql`p.issued_at`)}) from bills p
          where p.account_id = t.account_id and p.issued_at < t.issued_at
        ), t.calc_day) as from_day
      from target t
    ),
    -- The account's credits as steps: from the day after a posting day on, what the credits posted up
    -- to that day add up to (before the first posting, nothing). A charge is owed on day d by what the
    -- step in force on d has not reached, so the base is one figure per step, and only the steps in
    -- force during the bill's window (one or two) are kept. Each bill's steps are read through the
    -- account's index rather than joined between CTEs: the planner cannot estimate CTE rows and
    -- picked nested loops of one CTE over another.
    win_steps as materialized (
      select w.*, s.step_from, s.step_to, s.credit
      from win w
      cross join lateral (
        select st.from_day as step_from, st.credit,
          coalesce(lead(st.from_day) over (order by st.from_day) - 1, 'infinity'::date) as step_to
        from (
          select '-infinity'::date as from_day, 0::numeric as credit
          union all
          select cd.day + 1, sum(cd.credit) over (order by cd.day)
          from (
            select ${moscowDate(sql`e.posted_at`)} as day, -sum(e.amount_kopecks) as credit
            from ledger_entries e
            where e.account_id = w.account_id and not (e.kind in ('charge', 'penalty') and e.amount_kopecks > 0)
            group by 1
          ) cd
        ) st
      ) s
      where s.step_to >= w.from_day and s.step_from <= w.calc_day - 1
    ),
    -- The account's debts in the order payments pay them: by period, a period's charge before its
    -- penalty; once per step of the window (the running total is the same for each).
    items as (
      select w.bill_id as target_id, w.from_day, w.calc_day, w.step_from, w.step_to, w.credit,
        e.bill_id as debt_bill_id, e.kind, e.amount_kopecks::bigint as amt, d.due_date,
        (sum(e.amount_kopecks) over (partition by w.bill_id, w.step_from order by d.period, e.kind = 'penalty', e.id))::bigint as cum
      from win_steps w
      join ledger_entries e on e.account_id = w.account_id and e.kind in ('charge', 'penalty') and e.amount_kopecks > 0
      join bills d on d.id = e.bill_id and d.id <> w.bill_id and d.issued_at < w.issued_at
    ),
    -- Per overdue charge and step: the days from the 31st overdue day within the bill's window, and the base.
    spans as (
      select i.target_id as penalty_bill_id, i.debt_bill_id, i.due_date,
        least(i.amt, i.cum - i.credit)::bigint as base,
        greatest(i.from_day, i.due_date + 31, i.step_from) as first_day, least(i.calc_day - 1, i.step_to) as last_day
      from items i
      where i.kind = 'charge' and i.credit < i.cum
        and greatest(i.from_day, i.due_date + 31, i.step_from) <= least(i.calc_day - 1, i.step_to)
    ),
    -- Each calendar day the spans reach, once: the key rate in force, not above a rate cap in force
    -- that day; the days of a moratorium left out.
    calendar as (
      select g.day::date as day, r.rate
      from generate_series((select min(first_day) from spans)::timestamp, (select max(last_day) from spans)::timestamp,
        interval '1 day') g(day)
      cross join lateral (
        select least(k.rate_basis_points, coalesce((
            select min(c.cap_basis_points) from penalty_relief_periods c
            where c.kind = 'rate_cap' and g.day::date between c.starts_on and c.ends_on), k.rate_basis_points)) as rate
        from (select (select k0.rate_basis_points from key_rates k0 where k0.effective_from <= g.day::date
          order by k0.effective_from desc limit 1) as rate_basis_points) k
      ) r
      where r.rate is not null
        and not exists (
          select 1 from penalty_relief_periods m
          where m.kind = 'moratorium' and g.day::date between m.starts_on and m.ends_on)
    ),
    based as (
      select sp.penalty_bill_id, c.rate, sp.debt_bill_id, c.day, (c.day - sp.due_date) as n, sp.base
      from spans sp
      cross join lateral generate_series(sp.first_day::timestamp, sp.last_day::timestamp, interval '1 day') g(day)
      join calendar c on c.day = g.day::date
    ),
    ins_days as (
      insert into penalty_days (debt_bill_id, day, penalty_bill_id, base_kopecks, rate_basis_points, divisor)
      select debt_bill_id, day, penalty_bill_id, base, rate, (case when n >= 91 then 130 else 300 end)::smallint
      from based where base > 0
      on conflict do nothing
      returning debt_bill_id, day, penalty_bill_id, base_kopecks, rate_basis_points, divisor
    ),
    -- Runs of consecutive days with the same base, rate and divisor, for the line's text.
    segments as (
      select penalty_bill_id, debt_bill_id, base_kopecks, rate_basis_points, divisor,
        min(day) as first_day, max(day) as last_day, count(*)::int as days
      from (
        select d.*, d.day - (row_number() over (
          partition by d.debt_bill_id, d.base_kopecks, d.rate_basis_points, d.divisor order by d.day))::int as grp
        from ins_days d
      ) runs
      group by penalty_bill_id, debt_bill_id, base_kopecks, rate_basis_points, divisor, grp
    ),
    -- 3 900 = lcm(300, 130): Σ base × rate × (3 900 ÷ divisor) ÷ (10 000 × 3 900), half up.
    per_line as (
      select s.penalty_bill_id, s.debt_bill_id,
        floor((2 * sum(s.base_kopecks::numeric * s.rate_basis_points * s.days * (3900 / s.divisor)) + 39000000)
          / 78000000)::bigint as amount,
        string_agg(
          ${sqlDay(sql`s.first_day`)} || (case when s.days > 1 then '–' || ${sqlDay(sql`s.last_day`)} else '' end)
            || ', ' || s.days || ${'\u00a0дн. × '}::text || ${sqlRub(sql`s.base_kopecks`)}
            || ' × ' || ${sqlPercent(sql`s.rate_basis_points`)} || ' × 1/' || s.divisor,
          '; ' order by s.first_day) as formula
      from segments s
      group by s.penalty_bill_id, s.debt_bill_id
    ),
    lines as (
      select p.*, d.period, d.due_date from per_line p join bills d on d.id = p.debt_bill_id where p.amount > 0
    ),
    ins_lines as (
      insert into bill_lines (bill_id, kind, for_period, amount_kopecks, description)
      select l.penalty_bill_id, 'penalty', l.period, l.amount,
        ${'Пени за просрочку оплаты за '}::text || ${sqlPeriod(sql`l.period`)} || ${' (срок оплаты '}::text
          || ${sqlDay(sql`l.due_date`)} || '): ' || l.formula || ' = ' || ${sqlRub(sql`l.amount`)}
      from lines l
      returning bill_id, amount_kopecks
    ),
    per_bill as (
      select bill_id, sum(amount_kopecks)::bigint as amount from ins_lines group by bill_id
    ),
    upd_bills as (
      update bills b set amount_kopecks = b.amount_kopecks + p.amount
      from per_bill p where b.id = p.bill_id
      returning b.id, b.account_id, b.receipt_number
    ),
    ins_ledger as (
      insert into ledger_entries (account_id, kind, amount_kopecks, bill_id, description, created_by, posted_at)
      select u.account_id, 'penalty', p.amount, u.id, ${'Пени, квитанция '}::text || u.receipt_number,
        r.started_by, b.issued_at
      from upd_bills u
      join per_bill p on p.bill_id = u.id
      join bills b on b.id = u.id
      left join billing_runs r on r.id = b.billing_run_id
      returning 1
    )
    select (select count(*) from ins_days)::int as days, (select count(*) from ins_lines)::int as lines,
      (select count(*) from ins_ledger)::int as ledger`;
}
