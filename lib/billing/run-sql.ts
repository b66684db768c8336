// The billing run's SQL: the billing rules, once, for a whole range of accounts per statement (the
// staff preview runs the same statement in a transaction it rolls back, see preview.ts). One statement reads the readings, volumes and tariffs, works out every
// volume (reading, recalculation, average or norm), prices it over the volume ranges and writes the
// bills, their lines, the volumes, the ledger entries and the run's progress together (data-modifying
// CTEs), so a chunk of accounts is written whole or not at all and the statement count does not grow
// with the number of accounts.
import { sql, type SQL } from 'drizzle-orm';
import { AVERAGE_MONTHS, MAX_AVERAGE_PERIODS, MIN_AVERAGE_MONTHS } from '@/lib/readings/estimates';
import { shiftPeriod } from '@/lib/readings/window';
import { zonesForPlan } from '@/lib/tariffs/zones';
import { termInForce, termsInForceJoin } from '@/lib/accounts/terms-sql';
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
    and exists (
      select 1 from meters m0 where m0.account_id = a.id
        and ((m0.status = 'active' and m0.installed_at < ${next}::date)
          or (m0.status = 'removed' and exists (
            select 1 from readings r0 where r0.meter_id = m0.id and r0.period >= ${period}::date and r0.status = 'accepted'))))
    and not exists (select 1 from bills b0 where b0.account_id = a.id and b0.period = ${period}::date)`;
}

/** How many accounts a run of the period would bill now (the same rule as the run itself), as `n`. */
export function billableCountStatement(period: string): SQL {
  return sql`select count(*)::int as n from accounts a where ${billable(period)}`;
}

/**
 * How many accounts a run of the period would bill now with some register estimated (an active meter,
 * counting from its first reading, without an accepted reading for the period), as `n`.
 */
export function estimatedCountStatement(period: string): SQL {
  const next = shiftPeriod(period, 1);
  return sql`select count(*)::int as n from accounts a where ${billable(period)} and exists (
    select 1 from meters m
    where m.account_id = a.id and m.status = 'active' and m.installed_at < ${next}::date
      and coalesce((select min(r0.period) from readings r0 where r0.meter_id = m.id and r0.status = 'accepted'), ${period}::date) <= ${period}::date
      and not exists (select 1 from readings r where r.meter_id = m.id and r.period = ${period}::date and r.status = 'accepted'))`;
}

/** Billable accounts `id, number` for a preview: the given ids, or the first `limit` by number. */
export function billableIdsStatement(period: string, accountIds: readonly string[] | null, limit: number): SQL {
  const only =
    accountIds === null
      ? sql`true`
      : accountIds.length === 0
        ? sql`false`
        : sql`a.id in (${sql.join(
            accountIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`;
  return sql`select a.id, a.number from accounts a where ${billable(period)} and ${only}
    order by a.number ${accountIds === null ? sql`limit ${Math.max(1, Math.floor(limit))}::int` : sql``}`;
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
      select distinct ${termInForce('tariff_category')} as category, m.zone_plan, pz.zone
      from accounts a ${termsInForceJoin(sql`${period}::date`)}
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
    with pending as (
      select a.number, row_number() over (order by a.number) as rn, count(*) over () as n
      from accounts a
      where ${billable(opts.period)}
    ),
    size as (
      select greatest(${opts.chunkSize}::int, ceil(max(n)::numeric / ${opts.maxChunks}::int)::int) as k from pending
    ),
    progress as (
      update billing_runs set accounts_total = (select count(*) from pending), bills_created = 0, heartbeat_at = now()
      where id = ${opts.runId}::uuid
      returning 1
    )
    select pending.number as "upTo", pending.n::int as total
    from pending, size
    where pending.rn % size.k = 0 or pending.rn = pending.n
    order by pending.number`;
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
/** Which billable accounts one statement bills: a range of numbers (the run) or given ids (a preview). */
export type ChunkScope = { after: string; upTo: string } | { accountIds: readonly string[] };

export function scopeFilter(scope: ChunkScope): SQL {
  if ('accountIds' in scope) {
    if (scope.accountIds.length === 0) return sql`false`;
    return sql`a.id in (${sql.join(
      scope.accountIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`;
  }
  return sql`a.number > ${scope.after}::text and a.number <= ${scope.upTo}::text`;
}

/**
 * Bills the billable accounts of `scope` for the period in one statement. `at` is an ISO instant
 * (issue and posting time); `startedBy` the staff user or null. These are the billing rules
 * (../shared/notes/billing-rules.md); nothing else computes a bill.
 *
 * Meters billed for P: those whose first reading (if any) is not after P, active and installed by P's
 * end, or removed with their final reading in P or later. A replacement (lib/meters/replacement.ts)
 * gives the old meter its final reading in the replacement period and the new one its initial
 * reading the period before: that period's bill holds the old meter's use up to its final reading and
 * the new meter's from its initial one if it has a reading of the period (never an estimate on top).
 *
 * Per meter and zone:
 * - a reading for P and none before it (a meter's first period, its initial reading): no volume and
 *   no line — it is not a month of consumption and never feeds an average;
 * - a reading for P after a real one with no estimate between: `value − prev` by reading;
 * - a reading after estimated months (п. 61): what the meter counted since the last real reading is
 *   spread over the estimated months in proportion to each month's estimate (largest remainder, whole
 *   kWh), and each month is corrected at its own tariff: its share at the meter's zone prices, minus
 *   what was billed for it; the lines go into P's bill and P records the correction as its volume;
 * - no reading for P (п. 59–60): the average of the last ≤ 6 months billed by reading (at least 3),
 *   for the 1st–3rd period in a row without a reading, over the meter's history merged with the
 *   meters it replaced; per zone when every averaged month has exactly the meter's zones, else the
 *   total split by zone shares (largest remainder); otherwise the norm × registered residents (the
 *   owners when nobody is registered), one volume with no zone split, at the one-rate tariff.
 * Prices: the tariff in force on the first day of the month priced, split over its volume ranges;
 * amount = kWh × kopecks per line; the bill is the sum of its lines.
 * An account with a register below its previous reading, or a volume no tariff covers, is skipped
 * whole and named in the result; everything else is written.
 */
export function billChunkStatement(opts: {
  runId: string;
  period: string;
  scope: ChunkScope;
  at: string;
  startedBy: string | null;
}): SQL {
  const { runId, period, at, startedBy } = opts;
  const P = sql`${period}::date`;
  const next = shiftPeriod(period, 1);
  const atTs = sql`${at}::timestamptz`;

  const ordinal = sql`(case when e.consecutive = 1 then '' else ' ' || e.consecutive || ${'-й месяц подряд'}::text end)`;
  const normText = sql`(${'по нормативу '}::text || e.persons
    || (case when e.residents = 0 then ${' собств. × '}::text else ${' чел. × '}::text end) || e.norm || ${' кВт·ч'}::text)`;
  const reason = sql`(case
    when e.by_average then ${'нет показаний'}::text || ${ordinal} || ${': по среднему за '}::text || e.months || ${' мес.'}::text
    when e.consecutive > ${MAX_AVERAGE_PERIODS}::int then ${'нет показаний'}::text || ${ordinal} || ': ' || ${normText}
    when e.months = 0 then ${'нет показаний, а прежних показаний нет: '}::text || ${normText}
    else ${'нет показаний, а прежние есть только за '}::text || e.months
      || ${` мес. (для среднего нужно не меньше ${MIN_AVERAGE_MONTHS}): `}::text || ${normText}
  end)`;

  const description = sql`(case when l.kind = 'recalculation'
    then ${sqlRecalculationLineDescription({
      zone: sql`l.zone`,
      kwh: sql`l.kwh`,
      priceKopecks: sql`l.price_kopecks`,
      meterSerial: sql`m.serial_number`,
      severalMeters: sql`m.several`,
      month: sql`l.for_period`,
      period: P,
      estimatedFrom: sql`l.first_p`,
      realKwh: sql`l.real_kwh`,
      monthRealKwh: sql`l.share_kwh`,
      monthEstimatedKwh: sql`coalesce(l.est_kwh, 0)`,
    })}
    else ${sqlConsumptionLineDescription({
      zone: sql`l.zone`,
      kwh: sql`l.kwh`,
      priceKopecks: sql`l.price_kopecks`,
      meterSerial: sql`m.serial_number`,
      severalMeters: sql`m.several`,
      estimateReason: sql`er.reason`,
    })}
  end)`;

  return sql`
    with recursive ${planZones()},
    acc as (
      select a.id, a.number, ${termInForce('tariff_category')} as category, ${termInForce('residents')}::int as residents,
        (case when ${termInForce('residents')} > 0 then ${termInForce('residents')} else ${termInForce('owners')} end)::int as persons,
        a.norm_kwh_per_resident as norm
      from accounts a ${termsInForceJoin(P)}
      where ${billable(period)} and ${scopeFilter(opts.scope)}
    ),
    mtr as (
      select m.id, m.account_id, m.serial_number, m.zone_plan, m.status = 'removed' as removed,
        count(*) over (partition by m.account_id) > 1 as several,
        (select count(*) from pz where pz.plan = m.zone_plan)::int as nz
      from meters m join acc on acc.id = m.account_id
      where coalesce((select min(r0.period) from readings r0 where r0.meter_id = m.id and r0.status = 'accepted'), ${P}) <= ${P}
        and ((m.status = 'active' and m.installed_at < ${next}::date)
          or (m.status = 'removed'
            and exists (select 1 from readings r0 where r0.meter_id = m.id and r0.period >= ${P} and r0.status = 'accepted')))
    ),
    mz as (
      select mtr.id as meter_id, mtr.account_id, mtr.removed, pz.zone, pz.idx
      from mtr join pz on pz.plan = mtr.zone_plan
    ),
    -- Replacement meters in the period of their predecessor's final reading: the household's month is
    -- measured by the old meter up to the replacement; the new one's use is counted from its initial
    -- reading by its first real reading, never estimated on top.
    replacing as (
      select m.id as meter_id
      from meters m
      join readings f on f.meter_id = m.replaces_meter_id and f.period = ${P} and f.status = 'accepted'
      where m.account_id in (select id from acc) and m.status = 'active'
      group by m.id
    ),

    -- Registers with an accepted reading for P and the latest reading before it (one index probe per
    -- register). Laterals rather than joins of CTEs: the planner cannot estimate CTE rows and picked a
    -- register × register nested loop. A register without an earlier reading is a baseline.
    read_p as (
      select r.meter_id, r.zone, last.period as last_p, (r.value - last.value)::bigint as real_kwh
      from readings r
      join mz on mz.meter_id = r.meter_id and mz.zone = r.zone
      left join lateral (
        select p.value, p.period from readings p
        where p.meter_id = r.meter_id and p.zone = r.zone and p.period < ${P} and p.status = 'accepted'
        order by p.period desc
        limit 1
      ) last on true
      where r.period = ${P} and r.status = 'accepted'
    ),
    -- A measured register and the estimates billed since its last real reading (one index probe each).
    measured as (
      select rp.*, g.has_gap, g.est_zone
      from read_p rp
      cross join lateral (
        select count(*) > 0 as has_gap, coalesce(sum(v.kwh) filter (where v.zone = rp.zone), 0)::bigint as est_zone
        from consumption_volumes v
        where v.meter_id = rp.meter_id and v.period > rp.last_p and v.period < ${P} and v.method in ('average', 'norm')
      ) g
      where rp.last_p is not null
    ),

    -- The estimated months a reading ends (п. 61): per meter, every zone's estimate since the last real reading.
    since as (
      select distinct on (meter_id) meter_id, last_p from measured where has_gap order by meter_id, last_p desc
    ),
    gap as (
      select v.meter_id, v.period, v.zone, v.kwh, min(v.period) over (partition by v.meter_id) as first_p
      from since s
      join consumption_volumes v on v.meter_id = s.meter_id and v.period > s.last_p and v.period < ${P}
        and v.method in ('average', 'norm')
    ),
    -- Each measured register's count spread over those months by their estimates (largest remainder).
    share_base as (
      select me.meter_id, me.zone, me.real_kwh, g.period,
        min(g.period) over w as first_p,
        (sum(g.w) over w)::bigint as wsum,
        row_number() over (w order by g.period) as n,
        g.w
      from measured me
      cross join lateral (
        select v.period, sum(v.kwh)::bigint as w
        from consumption_volumes v
        where v.meter_id = me.meter_id and v.period > me.last_p and v.period < ${P} and v.method in ('average', 'norm')
        group by v.period
      ) g
      where me.has_gap and me.real_kwh >= 0
      window w as (partition by me.meter_id, me.zone)
    ),
    share_split as (
      select s.*,
        case when s.wsum = 0 then case when s.n = 1 then s.real_kwh else 0 end else s.real_kwh * s.w / s.wsum end as base,
        case when s.wsum = 0 then 0 else s.real_kwh * s.w % s.wsum end as rem
      from share_base s
    ),
    shares as (
      select s.meter_id, s.zone, s.real_kwh, s.period, s.first_p,
        (s.base + case
          when row_number() over (partition by s.meter_id, s.zone order by s.rem desc, s.period)
            <= s.real_kwh - sum(s.base) over (partition by s.meter_id, s.zone) then 1 else 0 end)::bigint as share_kwh
      from share_split s
    ),

    -- Meters with a register without a reading for P: the estimate over their merged history.
    est_m as (
      select distinct mz.meter_id from mz
      where not exists (select 1 from read_p c where c.meter_id = mz.meter_id and c.zone = mz.zone)
        and not exists (select 1 from replacing x where x.meter_id = mz.meter_id)
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
    em as (
      select s.meter_id, s.months, s.total_kwh, s.all_exact, 1 + coalesce(k.n, 0) as consecutive,
        s.months >= ${MIN_AVERAGE_MONTHS}::int and 1 + coalesce(k.n, 0) <= ${MAX_AVERAGE_PERIODS}::int as by_average,
        acc.residents, acc.persons, acc.norm
      from stats s
      join mtr m on m.id = s.meter_id
      join acc on acc.id = m.account_id
      left join streak k on k.meter_id = s.meter_id
    ),
    weights as (
      select h.meter_id, h.zone, sum(h.kwh)::bigint as w
      from top t join hz h on h.meter_id = t.meter_id and h.period = t.period
      where t.exact
      group by h.meter_id, h.zone
    ),
    avg_base as (
      select mz.meter_id, mz.zone, mz.idx, e.months, e.all_exact,
        coalesce(w.w, 0)::bigint as w,
        (sum(coalesce(w.w, 0)) over (partition by mz.meter_id))::bigint as wsum,
        case when e.all_exact then null else (2 * e.total_kwh + e.months) / (2 * e.months) end as split_total
      from em e
      join mz on mz.meter_id = e.meter_id
      left join weights w on w.meter_id = mz.meter_id and w.zone = mz.zone
      where e.by_average
    ),
    avg_parts as (
      select a.*,
        case
          when a.split_total is null then null
          when a.wsum = 0 then case when a.idx = 1 then a.split_total else 0 end
          else a.split_total * a.w / a.wsum
        end as base,
        case when a.split_total is null or a.wsum = 0 then 0 else a.split_total * a.w % a.wsum end as rem
      from avg_base a
    ),
    est as (
      select a.meter_id, a.zone,
        case
          when a.split_total is null then (2 * a.w + a.months) / (2 * a.months)
          else a.base + case
            when row_number() over (partition by a.meter_id order by a.rem desc, a.idx)
              <= a.split_total - sum(a.base) over (partition by a.meter_id) then 1 else 0 end
        end::bigint as kwh,
        'average'::volume_method as method
      from avg_parts a
      union all
      select e.meter_id, 'all_day'::tariff_zone, e.persons::bigint * e.norm, 'norm'::volume_method
      from em e
      where not e.by_average
    ),
    est_reason as (select e.meter_id, ${reason} as reason from em e),

    -- P's volume per meter and zone, as consumption_volumes records it.
    vol as (
      select me.meter_id, me.zone,
        (case when me.has_gap then greatest(me.real_kwh - me.est_zone, 0) else me.real_kwh end)::bigint as kwh,
        (case when me.has_gap then 'recalculation' else 'reading' end)::volume_method as method,
        me.real_kwh < 0 as bad
      from measured me
      union all
      select e.meter_id, e.zone, e.kwh, e.method, false from est e
    ),

    -- What is priced: P's volumes, and per corrected month its share (+) and its estimate (−).
    comp as (
      select row_number() over () as cid, c.* from (
        select v.meter_id, 'consumption'::bill_line_kind as kind, v.method, ${P} as for_period, v.zone, v.kwh, 1 as sign,
          null::bigint as real_kwh, null::bigint as share_kwh, null::bigint as est_kwh, null::date as first_p
        from vol v where v.method <> 'recalculation' and v.kwh > 0 and not v.bad
        union all
        select s.meter_id, 'recalculation'::bill_line_kind, 'recalculation'::volume_method, s.period, s.zone, s.share_kwh, 1,
          s.real_kwh, s.share_kwh, null, s.first_p
        from shares s where s.share_kwh > 0
        union all
        select g.meter_id, 'recalculation'::bill_line_kind, 'recalculation'::volume_method, g.period, g.zone, g.kwh, -1,
          null, null, g.kwh, g.first_p
        from gap g where g.kwh > 0
      ) c
    ),
    parts as (
      select c.cid, c.meter_id, m.account_id, c.kind, c.method, c.for_period, c.zone, c.sign, t.id as tariff_id, t.price_kopecks,
        c.real_kwh, c.share_kwh, c.est_kwh, c.first_p,
        least(greatest(c.kwh - t.range_from_kwh, 0), coalesce(t.range_to_kwh - t.range_from_kwh, c.kwh)) as part_kwh
      from comp c
      join mtr m on m.id = c.meter_id
      join acc a on a.id = m.account_id
      join tariffs t on t.category = a.category and t.zone = c.zone
        and t.zone_plan = (case when c.zone = 'all_day' then 1 else m.zone_plan end)
        and t.effective_from <= c.for_period and (t.effective_to is null or t.effective_to >= c.for_period)
    ),
    -- One line per meter, kind, month, zone and tariff range; a month's + share and − estimate at the
    -- same price net out. The texts quote the month and zone's figures, whichever range a line prices.
    grouped as (
      select p.account_id, p.meter_id, p.kind, p.method, p.for_period, p.zone, p.tariff_id, p.price_kopecks,
        sum(p.sign * p.part_kwh)::bigint as kwh,
        max(max(p.real_kwh)) over mw as real_kwh, max(max(p.share_kwh)) over mw as share_kwh,
        max(max(p.est_kwh)) over mw as est_kwh, max(max(p.first_p)) over mw as first_p
      from parts p
      group by p.account_id, p.meter_id, p.kind, p.method, p.for_period, p.zone, p.tariff_id, p.price_kopecks
      window mw as (partition by p.meter_id, p.kind, p.for_period, p.zone)
    ),
    lines as (select * from grouped where kwh <> 0),
    problems as (
      select m.account_id, v.meter_id, ${'показание меньше предыдущего'}::text as problem
      from vol v join mtr m on m.id = v.meter_id where v.bad
      union all
      select m.account_id, c.meter_id, ${'нет тарифа на весь объём'}::text
      from comp c
      join mtr m on m.id = c.meter_id
      left join (select cid, sum(part_kwh) as covered from parts group by cid) pc on pc.cid = c.cid
      where coalesce(pc.covered, 0) <> c.kwh
    ),
    skipped as (
      select distinct on (a.number) a.id as account_id, a.number,
        a.number || ': ' || pr.problem || ${' (счётчик № '}::text || m.serial_number || ')' as note
      from problems pr join acc a on a.id = pr.account_id join mtr m on m.id = pr.meter_id
      order by a.number, m.serial_number
    ),
    totals as (
      select a.id as account_id, a.number, coalesce(sum(l.kwh * l.price_kopecks), 0)::bigint as amount
      from acc a left join lines l on l.account_id = a.id
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
      select b.id, l.kind, l.meter_id, l.zone, l.method, l.for_period, l.kwh, l.tariff_id, l.price_kopecks,
        l.kwh * l.price_kopecks, ${description}
      from lines l
      join ins_bills b on b.account_id = l.account_id
      join mtr m on m.id = l.meter_id
      left join est_reason er on er.meter_id = l.meter_id and l.method in ('average', 'norm')
      returning 1
    ),
    ins_volumes as (
      insert into consumption_volumes (meter_id, period, zone, kwh, method, created_at)
      select v.meter_id, ${P}, v.zone, v.kwh, v.method, ${atTs}
      from vol v join mtr m on m.id = v.meter_id join ins_bills b on b.account_id = m.account_id
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
