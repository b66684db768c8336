// The billing run's SQL: the same rules as `computeAccountBill` (compute.ts), for a whole range of
// accounts per statement. One statement reads the readings, volumes and tariffs, works out every
// volume (reading, recalculation, average or norm), prices it over the volume ranges and writes the
// bills, their lines, the volumes, the ledger entries and the run's progress together (data-modifying
// CTEs), so a chunk of accounts is written whole or not at all and the statement count does not grow
// with the number of accounts.
import { sql, type SQL } from 'drizzle-orm';
import { AVERAGE_MONTHS, MAX_AVERAGE_PERIODS, MIN_AVERAGE_MONTHS } from '@/lib/readings/estimates';
import { shiftPeriod } from '@/lib/readings/window';
import { zonesForPlan } from '@/lib/tariffs/zones';
import { chargeDescription, creditDescription, receiptNumber } from './describe';
import { sqlConsumptionLineDescription, sqlRecalculationLineDescription } from './describe-sql';

/** Rows of `db().execute(…)`: both drivers (node-postgres, PGlite) answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown } | null)?.rows;
  if (Array.isArray(rows)) return rows as T[];
  throw new Error('Unexpected query result');
}

/** Every (plan, zone, position) of `zonesForPlan`, as an inline table `pz(plan, zone, idx)`. */
function planZones(): SQL {
  const rows = [1, 2, 3].flatMap((plan) =>
    zonesForPlan(plan).map((zone, i) => sql`(${plan}::smallint, ${zone}::tariff_zone, ${i + 1}::int)`),
  );
  return sql`pz(plan, zone, idx) as (values ${sql.join(rows, sql`, `)})`;
}

/** Month number since year 0 of a `date` expression, for «the month right before». */
function monthIndex(period: SQL): SQL {
  return sql`(extract(year from ${period})::int * 12 + extract(month from ${period})::int)`;
}

function periodMonthIndex(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7));
}

/** Tariffs of `t` in force on the first day of the period. */
function inForce(period: string): SQL {
  return sql`t.effective_from <= ${period}::date and (t.effective_to is null or t.effective_to >= ${period}::date)`;
}

/**
 * Accounts `a` the run bills for the period: active, with an active meter installed on or before the
 * period's last day, and no bill for the period yet (a billed account is skipped whole: its bill is
 * posted and never edited).
 */
function billable(period: string): SQL {
  const next = shiftPeriod(period, 1);
  return sql`a.status = 'active'
    and exists (select 1 from meters m0 where m0.account_id = a.id and m0.status = 'active' and m0.installed_at < ${next}::date)
    and not exists (select 1 from bills b0 where b0.account_id = a.id and b0.period = ${period}::date)`;
}

/** How many accounts a run of the period would bill now (the same rule as the run itself), as `n`. */
export function billableCountStatement(period: string): SQL {
  return sql`select count(*)::int as n from accounts a where ${billable(period)}`;
}

/**
 * The (category, zone plan, zone) the period's billable meters need whose tariffs in force on the
 * period's first day are missing or do not cover every volume: the ranges must start at 0, follow
 * each other without gaps or overlaps, and the last must be open-ended (what `priceVolume` needs).
 */
export function tariffGapsStatement(period: string): SQL {
  const next = shiftPeriod(period, 1);
  return sql`
    with ${planZones()},
    need as (
      select distinct a.tariff_category as category, m.zone_plan, pz.zone
      from accounts a
      join meters m on m.account_id = a.id and m.status = 'active' and m.installed_at < ${next}::date
      join pz on pz.plan = m.zone_plan
      where ${billable(period)}
    ),
    rates as (
      select t.category, t.zone_plan, t.zone, t.range_from_kwh, t.range_to_kwh,
        lag(t.range_to_kwh) over w as prev_to,
        row_number() over w as rn,
        count(*) over (partition by t.category, t.zone_plan, t.zone) as n
      from tariffs t
      where ${inForce(period)}
      window w as (partition by t.category, t.zone_plan, t.zone order by t.range_from_kwh)
    ),
    complete as (
      select category, zone_plan, zone from rates
      group by category, zone_plan, zone
      having bool_and(case when rn = 1 then range_from_kwh = 0 else prev_to is not null and range_from_kwh = prev_to end)
        and bool_and((rn = n) = (range_to_kwh is null))
    )
    select need.category::text as category, need.zone_plan::int as "zonePlan", need.zone::text as zone,
      exists (select 1 from rates r where r.category = need.category and r.zone_plan = need.zone_plan and r.zone = need.zone) as "hasRates"
    from need
    where not exists (select 1 from complete c where c.category = need.category and c.zone_plan = need.zone_plan and c.zone = need.zone)
    order by 1, 2, 3`;
}

/**
 * How many accounts the run has to bill, and the upper account number of each chunk: chunks of
 * `chunkSize` accounts, or more per chunk so there are at most `maxChunks`. Also records the total
 * on the run, for the progress bar.
 */
export function planChunksStatement(opts: {
  runId: string;
  period: string;
  chunkSize: number;
  maxChunks: number;
}): SQL {
  return sql`
    with todo as (
      select a.number, row_number() over (order by a.number) as rn, count(*) over () as n
      from accounts a
      where ${billable(opts.period)}
    ),
    size as (
      select greatest(${opts.chunkSize}::int, ceil(max(n)::numeric / ${opts.maxChunks}::int)::int) as k from todo
    ),
    progress as (
      update billing_runs set accounts_total = (select count(*) from todo), bills_created = 0, heartbeat_at = now()
      where id = ${opts.runId}::uuid
      returning 1
    )
    select todo.number as "upTo", todo.n::int as total
    from todo, size
    where todo.rn % size.k = 0 or todo.rn = todo.n
    order by todo.number`;
}

export interface ChunkResult {
  bills: number;
  lines: number;
  volumes: number;
  ledger: number;
  skipped: number;
  /** «50010002: показание меньше предыдущего (счётчик № …)»; the first 20, by account number. */
  skippedNotes: string | null;
}

/**
 * Bills the billable accounts with numbers in (`after`, `upTo`] in one statement. `at` is an ISO
 * instant (issue and posting time); `startedBy` the staff user or null.
 *
 * Per meter and zone (the rules of compute.ts):
 * - `measured`: an accepted reading for P; `value − prev` by reading, or after estimated months the
 *   recalculation R − S (R = value − prev, S = the estimated kWh since prev), or 0 for a baseline;
 * - `est_*`: no reading for P; `estimatePeriod` — the average of the last ≤ 6 months billed by
 *   reading (at least 3) for the 1st–3rd period in a row without a reading, else the norm × residents;
 *   per zone when every averaged month has exactly the meter's zones, else a total split by the zone
 *   shares (largest remainder) — over the meter's volumes merged with those of the meters it replaced;
 * - `priced`: split over the volume ranges in force on P's first day (a negative correction from the
 *   first range, mirrored), amount = kWh × kopecks.
 * An account with a register below its previous reading, or a volume no tariff covers, is skipped
 * whole and named in the result; everything else is written.
 */
export function billChunkStatement(opts: {
  runId: string;
  period: string;
  after: string;
  upTo: string;
  at: string;
  startedBy: string | null;
}): SQL {
  const { runId, period, at, startedBy } = opts;
  const P = sql`${period}::date`;
  const next = shiftPeriod(period, 1);
  const atTs = sql`${at}::timestamptz`;

  const ordinal = sql`(case when e.consecutive = 1 then '' else ' ' || e.consecutive || ${'-й месяц подряд'}::text end)`;
  const normText = sql`(${'по нормативу '}::text || e.residents || ${' чел. × '}::text || e.norm || ${' кВт·ч'}::text)`;
  const reason = sql`(case
    when e.by_average then ${'нет показаний'}::text || ${ordinal} || ${': по среднему за '}::text || e.months || ${' мес.'}::text
    when e.consecutive > ${MAX_AVERAGE_PERIODS}::int then ${'нет показаний'}::text || ${ordinal} || ': ' || ${normText}
    when e.months = 0 then ${'нет показаний, а прежних показаний нет: '}::text || ${normText}
    else ${'нет показаний, а прежние есть только за '}::text || e.months
      || ${` мес. (для среднего нужно не меньше ${MIN_AVERAGE_MONTHS}): `}::text || ${normText}
  end)`;

  const lineFields = {
    zone: sql`p.zone`,
    kwh: sql`p.part_kwh`,
    priceKopecks: sql`p.price_kopecks`,
    meterSerial: sql`p.serial_number`,
    severalMeters: sql`p.several`,
  };
  const description = sql`(case when p.kind = 'recalculation'
    then ${sqlRecalculationLineDescription({
      ...lineFields,
      period: P,
      estimatedFrom: sql`p.first_p`,
      estimatedTo: sql`p.last_p`,
      realKwh: sql`p.real_kwh`,
      estimatedKwh: sql`p.est_kwh`,
    })}
    else ${sqlConsumptionLineDescription({ ...lineFields, estimateReason: sql`p.reason` })}
  end)`;

  return sql`
    with recursive ${planZones()},
    acc as (
      select a.id, a.number, a.tariff_category as category, a.residents, a.norm_kwh_per_resident as norm
      from accounts a
      where ${billable(period)} and a.number > ${opts.after}::text and a.number <= ${opts.upTo}::text
    ),
    mtr as (
      select m.id, m.account_id, m.serial_number, m.zone_plan,
        count(*) over (partition by m.account_id) > 1 as several,
        (select count(*) from pz where pz.plan = m.zone_plan)::int as nz
      from meters m join acc on acc.id = m.account_id
      where m.status = 'active' and m.installed_at < ${next}::date
    ),
    mz as (
      select mtr.id as meter_id, mtr.account_id, pz.zone, pz.idx
      from mtr join pz on pz.plan = mtr.zone_plan
    ),

    -- Registers with an accepted reading for P, the latest reading before it (one index probe per
    -- register, latest first) and the estimates billed between. Laterals rather than joins of CTEs:
    -- the planner cannot estimate CTE rows and picked a register × register nested loop.
    measured as (
      select r.meter_id, r.zone, last.period is not null as has_prev,
        coalesce(r.value - last.value, 0)::bigint as real_kwh, g.est_kwh, g.first_p, g.last_p
      from readings r
      join mz on mz.meter_id = r.meter_id and mz.zone = r.zone
      left join lateral (
        select p.value, p.period from readings p
        where p.meter_id = r.meter_id and p.zone = r.zone and p.period < ${P} and p.status = 'accepted'
        order by p.period desc
        limit 1
      ) last on true
      left join lateral (
        select sum(v.kwh)::bigint as est_kwh, min(v.period) as first_p, max(v.period) as last_p
        from consumption_volumes v
        where v.meter_id = r.meter_id and v.zone = r.zone and v.period > last.period and v.period < ${P}
          and v.method in ('average', 'norm')
      ) g on true
      where r.period = ${P} and r.status = 'accepted'
    ),

    -- Meters with a register without a reading: estimatePeriod over their merged history.
    est_m as (
      select distinct mz.meter_id from mz
      where not exists (select 1 from measured c where c.meter_id = mz.meter_id and c.zone = mz.zone)
    ),
    chain(meter_id, ancestor_id, depth) as (
      select meter_id, meter_id, 0 from est_m
      union all
      select ch.meter_id, m.replaces_meter_id, ch.depth + 1
      from chain ch join meters m on m.id = ch.ancestor_id
      where m.replaces_meter_id is not null and ch.depth < 50
    ),
    hz as (
      select ch.meter_id, v.period, v.zone, sum(v.kwh)::bigint as kwh, bool_and(v.method = 'reading') as is_real
      from chain ch join consumption_volumes v on v.meter_id = ch.ancestor_id
      where v.period < ${P} and v.method <> 'recalculation'
      group by ch.meter_id, v.period, v.zone
    ),
    hp as (
      select h.meter_id, h.period, bool_and(h.is_real) as is_real, sum(h.kwh)::bigint as total,
        count(*) = max(m.nz) and count(pz.zone) = max(m.nz) as exact
      from hz h
      join mtr m on m.id = h.meter_id
      left join pz on pz.plan = m.zone_plan and pz.zone = h.zone
      group by h.meter_id, h.period
    ),
    top as (
      select * from (
        select hp.*, row_number() over (partition by hp.meter_id order by hp.period desc) as rn from hp where hp.is_real
      ) ranked
      where rn <= ${AVERAGE_MONTHS}::int
    ),
    stats as (
      select e.meter_id, count(t.period)::int as months, coalesce(sum(t.total), 0)::bigint as total_kwh,
        coalesce(bool_and(t.exact), true) as all_exact
      from est_m e left join top t on t.meter_id = e.meter_id
      group by e.meter_id
    ),
    streak as (
      select meter_id, (count(*) filter (where ${monthIndex(sql`period`)} = ${periodMonthIndex(period)}::int - rn))::int as n
      from (
        select meter_id, period, row_number() over (partition by meter_id order by period desc) as rn from hp where not is_real
      ) estimated
      group by meter_id
    ),
    weights as (
      select h.meter_id, h.zone, sum(h.kwh)::bigint as w
      from top t join hz h on h.meter_id = t.meter_id and h.period = t.period
      where t.exact
      group by h.meter_id, h.zone
    ),
    est_base as (
      select mz.meter_id, mz.zone, mz.idx, s.months, s.total_kwh, s.all_exact,
        1 + coalesce(k.n, 0) as consecutive,
        coalesce(w.w, 0)::bigint as w,
        (sum(coalesce(w.w, 0)) over (partition by mz.meter_id))::bigint as wsum,
        s.months >= ${MIN_AVERAGE_MONTHS}::int and 1 + coalesce(k.n, 0) <= ${MAX_AVERAGE_PERIODS}::int as by_average,
        acc.residents, acc.norm
      from mz
      join stats s on s.meter_id = mz.meter_id
      join acc on acc.id = mz.account_id
      left join streak k on k.meter_id = mz.meter_id
      left join weights w on w.meter_id = mz.meter_id and w.zone = mz.zone
    ),
    est_total as (
      select e.*,
        case
          when e.by_average and e.all_exact then null
          when e.by_average then (2 * e.total_kwh + e.months) / (2 * e.months)
          else e.residents::bigint * e.norm
        end as split_total
      from est_base e
    ),
    est_parts as (
      select e.*,
        case
          when e.split_total is null then null
          when e.wsum = 0 then case when e.idx = 1 then e.split_total else 0 end
          else e.split_total * e.w / e.wsum
        end as base,
        case when e.split_total is null or e.wsum = 0 then 0 else e.split_total * e.w % e.wsum end as rem
      from est_total e
    ),
    est as (
      select e.meter_id, e.zone,
        case
          when e.split_total is null then (2 * e.w + e.months) / (2 * e.months)
          else e.base + case
            when row_number() over (partition by e.meter_id order by e.rem desc, e.idx)
              <= e.split_total - sum(e.base) over (partition by e.meter_id) then 1 else 0 end
        end::bigint as kwh,
        case when e.by_average then 'average' else 'norm' end as method,
        ${reason} as reason
      from est_parts e
    ),

    -- One row per meter and zone: P's volume, and what its line bills.
    vol as (
      select mz.meter_id, mz.account_id, mz.zone,
        (case when me.meter_id is null then e.method when me.first_p is not null then 'recalculation' else 'reading' end)::volume_method as method,
        case when me.meter_id is null then e.kwh when me.first_p is not null then greatest(me.real_kwh - me.est_kwh, 0) else me.real_kwh end as volume_kwh,
        case when me.meter_id is null then e.kwh when me.first_p is not null then me.real_kwh - me.est_kwh else me.real_kwh end as line_kwh,
        (case when me.first_p is not null then 'recalculation' else 'consumption' end)::bill_line_kind as kind,
        coalesce(me.first_p, ${P}) as for_period,
        case when me.meter_id is null then e.reason end as reason,
        me.real_kwh, me.est_kwh, me.first_p, me.last_p,
        coalesce(me.real_kwh < 0, false) as bad
      from mz
      left join measured me on me.meter_id = mz.meter_id and me.zone = mz.zone
      left join est e on e.meter_id = mz.meter_id and e.zone = mz.zone
    ),
    priced as (
      select v.*, m.serial_number, m.several, t.id as tariff_id, t.price_kopecks,
        (case when v.line_kwh < 0 then -1 else 1 end)
          * least(greatest(abs(v.line_kwh) - t.range_from_kwh, 0), coalesce(t.range_to_kwh - t.range_from_kwh, abs(v.line_kwh))) as part_kwh
      from vol v
      join mtr m on m.id = v.meter_id
      join acc a on a.id = v.account_id
      join tariffs t on t.category = a.category and t.zone_plan = m.zone_plan and t.zone = v.zone and ${inForce(period)}
      where v.line_kwh <> 0 and not v.bad
    ),
    problems as (
      select v.account_id, v.meter_id, ${'показание меньше предыдущего'}::text as problem from vol v where v.bad
      union all
      select v.account_id, v.meter_id, ${'нет тарифа на весь объём'}::text
      from vol v
      left join (select meter_id, zone, sum(abs(part_kwh)) as covered from priced group by meter_id, zone) c
        on c.meter_id = v.meter_id and c.zone = v.zone
      where v.line_kwh <> 0 and not v.bad and coalesce(c.covered, 0) <> abs(v.line_kwh)
    ),
    skipped as (
      select distinct on (a.number) a.id as account_id, a.number,
        a.number || ': ' || pr.problem || ${' (счётчик № '}::text || m.serial_number || ')' as note
      from problems pr join acc a on a.id = pr.account_id join mtr m on m.id = pr.meter_id
      order by a.number, m.serial_number
    ),
    totals as (
      select a.id as account_id, a.number, coalesce(sum(p.part_kwh * p.price_kopecks), 0)::bigint as amount
      from acc a left join priced p on p.account_id = a.id
      where not exists (select 1 from skipped s where s.account_id = a.id)
      group by a.id, a.number
    ),

    -- The writes. A bill that already exists (a concurrent writer) drops its account's rows too.
    ins_bills as (
      insert into bills (account_id, period, receipt_number, amount_kopecks, due_date, billing_run_id, issued_at)
      select t.account_id, ${P}, ${receiptNumber(period, '')}::text || t.number, t.amount,
        ${next}::date + (coalesce((select u.payment_due_day from utility_profile u where u.id = 1), 10) - 1),
        ${runId}::uuid, ${atTs}
      from totals t
      on conflict do nothing
      returning id, account_id, receipt_number, amount_kopecks
    ),
    ins_lines as (
      insert into bill_lines (bill_id, kind, meter_id, zone, method, for_period, kwh, tariff_id, price_kopecks, amount_kopecks, description)
      select b.id, p.kind, p.meter_id, p.zone, p.method, p.for_period, p.part_kwh, p.tariff_id, p.price_kopecks,
        p.part_kwh * p.price_kopecks, ${description}
      from priced p join ins_bills b on b.account_id = p.account_id
      where p.part_kwh <> 0
      returning 1
    ),
    ins_volumes as (
      insert into consumption_volumes (meter_id, period, zone, kwh, method, created_at)
      select v.meter_id, ${P}, v.zone, v.volume_kwh, v.method, ${atTs}
      from vol v join ins_bills b on b.account_id = v.account_id
      on conflict do nothing
      returning 1
    ),
    ins_ledger as (
      insert into ledger_entries (account_id, kind, amount_kopecks, bill_id, description, created_by, posted_at)
      select b.account_id, (case when b.amount_kopecks > 0 then 'charge' else 'adjustment' end)::ledger_kind, b.amount_kopecks, b.id,
        (case when b.amount_kopecks > 0 then ${chargeDescription(period, '')}::text else ${creditDescription(period, '')}::text end) || b.receipt_number,
        ${startedBy}::uuid, ${atTs}
      from ins_bills b
      where b.amount_kopecks <> 0
      returning 1
    ),
    progress as (
      update billing_runs set bills_created = coalesce(bills_created, 0) + (select count(*) from ins_bills), heartbeat_at = now()
      where id = ${runId}::uuid
      returning 1
    )
    select
      (select count(*) from ins_bills)::int as bills,
      (select count(*) from ins_lines)::int as lines,
      (select count(*) from ins_volumes)::int as volumes,
      (select count(*) from ins_ledger)::int as ledger,
      (select count(*) from skipped)::int as skipped,
      (select string_agg(note, '; ' order by number) from (select note, number from skipped order by number limit 20) s) as "skippedNotes"`;
}
