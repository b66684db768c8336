// Every status machine is guarded in the database by the one trigger function
// check_status_transition(); each table's trigger lists its machine's edges and final statuses as
// arguments. These must be exactly the edges of the pure table in lib/<domain>/status.ts.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, allowedApplicationEdges } from '@/lib/applications/status';
import { CONNECTION_STATUSES, allowedEdges as connectionEdges } from '@/lib/connection/status';
import { rowsOf } from '@/lib/billing/run-sql';
import { SERVICE_STATUSES, allowedEdges as serviceEdges } from '@/lib/services/status';
import { useTestDatabase } from '../support/test-db';

const t = useTestDatabase();

async function triggerOf(table: string): Promise<{ fn: string; args: string[] }> {
  const rows = await t.db.execute(sql`
    select p.proname as fn, encode(tg.tgargs, 'escape') as args
    from pg_trigger tg join pg_proc p on p.oid = tg.tgfoid
    where tg.tgrelid = ${table}::regclass and tg.tgname = ${`${table}_status`}`);
  const [row] = rowsOf<{ fn: string; args: string }>(rows);
  expect(row, `${table} has a status trigger`).toBeDefined();
  return { fn: row!.fn, args: row!.args.split('\\000').filter(Boolean) };
}

function expected(statuses: readonly string[], edges: [string, string][]) {
  return {
    finals: statuses.filter((s) => !edges.some(([from]) => from === s)).sort(),
    // Keeping the status (a new price, another visit date) is not a move, so the trigger lets it pass.
    edges: edges
      .filter(([from, to]) => from !== to)
      .map(([from, to]) => `${from}>${to}`)
      .sort(),
  };
}

describe.each([
  { table: 'service_requests', ...expected(SERVICE_STATUSES, serviceEdges()) },
  { table: 'company_applications', ...expected(APPLICATION_STATUSES, allowedApplicationEdges()) },
  { table: 'connection_applications', ...expected(CONNECTION_STATUSES, connectionEdges()) },
])('$table', ({ table, finals, edges }) => {
  it('is guarded by the shared trigger with the edges and final statuses of its pure table', async () => {
    const trigger = await triggerOf(table);
    expect(trigger.fn).toBe('check_status_transition');
    expect(trigger.args[1]!.split(' ').sort()).toEqual(finals);
    expect(trigger.args[2]!.split(' ').sort()).toEqual(edges);
  });
});

it('no table keeps a status or append-only function of its own', async () => {
  const rows = await t.db.execute(sql`
    select proname from pg_proc
    where pronamespace = 'public'::regnamespace
      and (proname like '%check_transition' or proname like '%refuse_after_end' or proname like '%_refuse_change')`);
  expect(rowsOf<{ proname: string }>(rows).map((r) => r.proname)).toEqual([]);
});

it('every append-only table is guarded by the shared refuse_change()', async () => {
  const rows = rowsOf<{ tgname: string; fn: string }>(
    await t.db.execute(sql`
      select tg.tgname, p.proname as fn from pg_trigger tg join pg_proc p on p.oid = tg.tgfoid
      where tg.tgname like '%\_append\_only' or tg.tgname like '%\_no\_truncate'`),
  );
  expect(rows.map((r) => r.tgname).sort()).toEqual([
    'audit_log_append_only',
    'audit_log_no_truncate',
    'company_application_events_append_only',
    'company_application_files_append_only',
    'connection_events_append_only',
    'ledger_entries_append_only',
    'ledger_entries_no_truncate',
    'service_request_events_append_only',
  ]);
  expect(new Set(rows.map((r) => r.fn))).toEqual(new Set(['refuse_change']));
});
