// The billing measurement (run by bench/run.ts with `--conditions=react-server`, as lib/ is
// server-only), against two hand-written baselines:
// - same rows (the physical limit of the work): one transaction of plain SQL that writes the rows
//   the run writes — a bill per account, a line per register and tariff range, a volume per
//   register, a ledger entry per bill, and the run's row — into the same tables with their indexes,
//   constraints and foreign-key checks. It runs first and is rolled back (the ledger is append-only,
//   so the run's rows could not be taken back); then the table is vacuumed and the run bills.
//   The bench dataset pays every bill before its due date, so neither side writes penalties; the
//   rows each side wrote are counted per table and a difference fails the bench.
// - one row per account: the old `INSERT … SELECT` of the reading-based charges into an unindexed
//   temporary table, kept so the figures compare with earlier runs.
// Prints one JSON line.
import postgres from 'postgres';
import { createBillingRun, runBilling } from '@/lib/billing/run';

const period = process.env.BENCH_PERIOD ?? '2026-11-01';
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

const now = new Date(new Date(`${period}T00:00:00Z`).getTime() + 33 * 24 * 3600 * 1000);
const at = now.toISOString();
const receiptPrefix = `R-${period.slice(0, 4)}${period.slice(5, 7)}-`;
const sql = postgres(url, { max: 1, onnotice: () => {} });
const rollback = new Error('rollback');
const inRollback = (work: (tx: postgres.TransactionSql) => Promise<void>) =>
  sql
    .begin(async (tx) => {
      await work(tx);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });

interface Rows {
  bills: number;
  lines: number;
  volumes: number;
  ledger: number;
  penaltyDays: number;
}

// ─── Same rows, by hand ─────────────────────────────────────────────────────────────────────────
let sameRowsMs = 0;
let sameRows: Rows = { bills: 0, lines: 0, volumes: 0, ledger: 0, penaltyDays: 0 };
await inRollback(async (tx) => {
  const s = performance.now();
  const [run] =
    await tx`insert into billing_runs (period, status, started_at) values (${period}, 'running', ${at}) returning id`;
  const [counts] = await tx`
    with acc as (
      select a.id, a.number, a.tariff_category from accounts a
      where a.status = 'active'
        and exists (select 1 from meters m0 where m0.account_id = a.id and m0.status = 'active')
        and not exists (select 1 from bills b0 where b0.account_id = a.id and b0.period = ${period}::date)
    ),
    regs as (
      select acc.id as account_id, acc.number, m.id as meter_id, r.zone, (r.value - p.value)::bigint as kwh, acc.tariff_category,
        m.zone_plan
      from acc
      join meters m on m.account_id = acc.id and m.status = 'active'
      join readings r on r.meter_id = m.id and r.period = ${period}::date and r.status = 'accepted'
      join lateral (
        select p.value from readings p
        where p.meter_id = r.meter_id and p.zone = r.zone and p.period < r.period and p.status = 'accepted'
        order by p.period desc limit 1
      ) p on true
    ),
    priced as (
      select g.*, t.id as tariff_id, t.price_kopecks,
        least(greatest(g.kwh - t.range_from_kwh, 0), coalesce(t.range_to_kwh - t.range_from_kwh, g.kwh))::bigint as part
      from regs g
      join tariffs t on t.category = g.tariff_category and t.zone_plan = g.zone_plan and t.zone = g.zone
        and t.effective_from <= ${period}::date and (t.effective_to is null or t.effective_to >= ${period}::date)
    ),
    lines as (select * from priced where part <> 0),
    totals as (
      select acc.id as account_id, acc.number, coalesce(sum(l.part * l.price_kopecks), 0)::bigint as amount
      from acc left join lines l on l.account_id = acc.id
      group by acc.id, acc.number
    ),
    ins_bills as (
      insert into bills (account_id, period, receipt_number, amount_kopecks, due_date, billing_run_id, issued_at)
      select t.account_id, ${period}::date, ${receiptPrefix}::text || t.number, t.amount,
        (${period}::date + interval '1 month 9 days')::date, ${run!.id}::uuid, ${at}::timestamptz
      from totals t
      returning id, account_id, receipt_number, amount_kopecks
    ),
    ins_lines as (
      insert into bill_lines (bill_id, kind, meter_id, zone, method, for_period, kwh, tariff_id, price_kopecks, amount_kopecks, description)
      select b.id, 'consumption', l.meter_id, l.zone, 'reading', ${period}::date, l.part, l.tariff_id, l.price_kopecks,
        l.part * l.price_kopecks, 'Электроэнергия по показаниям: ' || l.part || ' кВт·ч × ' || l.price_kopecks || ' коп.'
      from lines l join ins_bills b on b.account_id = l.account_id
      returning 1
    ),
    ins_volumes as (
      insert into consumption_volumes (meter_id, period, zone, kwh, method, created_at)
      select g.meter_id, ${period}::date, g.zone, g.kwh, 'reading', ${at}::timestamptz
      from regs g
      returning 1
    ),
    ins_ledger as (
      insert into ledger_entries (account_id, kind, amount_kopecks, bill_id, description, created_by, posted_at)
      select b.account_id, 'charge', b.amount_kopecks, b.id, 'Начислено за период, квитанция ' || b.receipt_number, null,
        ${at}::timestamptz
      from ins_bills b where b.amount_kopecks <> 0
      returning 1
    )
    select (select count(*) from ins_bills)::int as bills, (select count(*) from ins_lines)::int as lines,
      (select count(*) from ins_volumes)::int as volumes, (select count(*) from ins_ledger)::int as ledger`;
  await tx`update billing_runs set status = 'done', finished_at = now() where id = ${run!.id}`;
  sameRowsMs = performance.now() - s;
  sameRows = {
    bills: counts!.bills as number,
    lines: counts!.lines as number,
    volumes: counts!.volumes as number,
    ledger: counts!.ledger as number,
    penaltyDays: 0,
  };
});
// The rolled-back rows leave dead tuples and index entries the run would otherwise wade through.
await sql.unsafe('vacuum analyze bills, bill_lines, consumption_volumes, ledger_entries, billing_runs');

// ─── One row per account (the old baseline) ─────────────────────────────────────────────────────
let oneRowMs = 0;
let oneRowCount = 0;
await inRollback(async (tx) => {
  await tx`create temp table bench_bills (account_id uuid, amount bigint)`;
  const s = performance.now();
  const result = await tx`
    insert into bench_bills
    select m.account_id, sum((r.value - p.value) * t.price_kopecks)
    from readings r
    join meters m on m.id = r.meter_id and m.status = 'active'
    join accounts a on a.id = m.account_id and a.status = 'active'
    join lateral (
      select p.value from readings p
      where p.meter_id = r.meter_id and p.zone = r.zone and p.period < r.period and p.status = 'accepted'
      order by p.period desc limit 1
    ) p on true
    join tariffs t on t.category = a.tariff_category and t.zone_plan = m.zone_plan and t.zone = r.zone and t.range_from_kwh = 0
      and t.effective_from <= ${period}::date and (t.effective_to is null or t.effective_to >= ${period}::date)
    where r.period = ${period}::date and r.status = 'accepted'
    group by m.account_id`;
  oneRowMs = performance.now() - s;
  oneRowCount = result.count;
});

// ─── The run ────────────────────────────────────────────────────────────────────────────────────
const created = await createBillingRun({ period, startedBy: null, now });
if (!created.ok) throw new Error(created.message);
const started = performance.now();
const outcome = await runBilling(created.runId, { now });
const runMs = performance.now() - started;

const [written] = await sql`
  select count(*)::int as bills,
    (select count(*) from bill_lines l join bills b on b.id = l.bill_id where b.billing_run_id = ${created.runId})::int as lines,
    (select count(*) from consumption_volumes v where v.period = ${period}::date and v.created_at = ${at}::timestamptz)::int as volumes,
    (select count(*) from ledger_entries e join bills b on b.id = e.bill_id where b.billing_run_id = ${created.runId})::int as ledger,
    (select count(*) from penalty_days d join bills b on b.id = d.penalty_bill_id where b.billing_run_id = ${created.runId})::int as "penaltyDays"
  from bills where billing_run_id = ${created.runId}`;
await sql.end();
const runRows = written as unknown as Rows;
if (JSON.stringify(runRows) !== JSON.stringify(sameRows))
  throw new Error(`the same-rows baseline wrote ${JSON.stringify(sameRows)}, the run ${JSON.stringify(runRows)}`);

const seconds = (ms: number) => Number((ms / 1000).toFixed(2));
console.log(
  JSON.stringify({
    status: outcome.status,
    accounts: outcome.accountsTotal,
    bills: outcome.billsCreated,
    chunks: outcome.chunks,
    statements: outcome.statements,
    error: outcome.error,
    rows: runRows,
    runSeconds: seconds(runMs),
    secondsPer1000Accounts: Number((runMs / Math.max(1, outcome.accountsTotal)).toFixed(3)),
    sameRowsSeconds: seconds(sameRowsMs),
    ratio: Number((runMs / sameRowsMs).toFixed(2)),
    oneRowPerAccountSeconds: seconds(oneRowMs),
    oneRowPerAccountRows: oneRowCount,
    oldRatio: Number((runMs / oneRowMs).toFixed(2)),
  }),
);
process.exit(0);
