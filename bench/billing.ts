// The billing measurement (run by bench/run.ts with `--conditions=react-server`, as lib/ is
// server-only): the real billing run for one period over the generated accounts, then one
// hand-written INSERT … SELECT computing the same reading-based charges, in a rolled-back
// transaction. Prints one JSON line.
import postgres from 'postgres';
import { createBillingRun, runBilling } from '@/lib/billing/run';

const period = process.env.BENCH_PERIOD ?? '2026-11-01';
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

const now = new Date(new Date(`${period}T00:00:00Z`).getTime() + 33 * 24 * 3600 * 1000);
const created = await createBillingRun({ period, startedBy: null, now });
if (!created.ok) throw new Error(created.message);
const started = performance.now();
const outcome = await runBilling(created.runId, { now });
const runMs = performance.now() - started;

const sql = postgres(url, { max: 1, onnotice: () => {} });
let baselineMs = 0;
let baselineRows = 0;
await sql
  .begin(async (tx) => {
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
    baselineMs = performance.now() - s;
    baselineRows = result.count;
    throw new Error('rollback');
  })
  .catch((error: unknown) => {
    if (!(error instanceof Error && error.message === 'rollback')) throw error;
  });
await sql.end();

console.log(
  JSON.stringify({
    status: outcome.status,
    accounts: outcome.accountsTotal,
    bills: outcome.billsCreated,
    chunks: outcome.chunks,
    statements: outcome.statements,
    error: outcome.error,
    runSeconds: Number((runMs / 1000).toFixed(2)),
    baselineSeconds: Number((baselineMs / 1000).toFixed(2)),
    baselineRows,
    ratio: Number((runMs / baselineMs).toFixed(2)),
  }),
);
process.exit(0);
