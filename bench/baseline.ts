// The bare baseline: a minimal node:http server doing the same database work as the app's
// measured routes with postgres.js and nothing else (no framework, no rendering, no session
// crypto), so app/baseline says what the framework and our code cost on top of the queries.
import { createHash } from 'node:crypto';
import http from 'node:http';
import postgres from 'postgres';

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? 3301);
const password2 = process.env.SANDBOX_PASSWORD2 ?? '';
if (!url) throw new Error('DATABASE_URL is required');
const sql = postgres(url, { max: Number(process.env.DB_POOL_MAX ?? 10), onnotice: () => {} });

function send(res: http.ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// /tariffs: the same single query as lib/content/tariffs.ts, a plain table out.
async function tariffs(res: http.ServerResponse) {
  const rows =
    await sql`select * from tariffs order by effective_from desc, category asc, zone_plan asc, range_from_kwh asc`;
  send(
    res,
    200,
    `<table>${rows.map((r) => `<tr><td>${r.category}</td><td>${r.zone}</td><td>${r.price_kopecks}</td></tr>`).join('')}</table>`,
  );
}

// /fiz: the user re-read (the app checks the session version), their accounts, then the five
// summary queries of lib/accounts/summary.ts and the reading window setting. The user id arrives
// in a header: the baseline does no session cryptography.
async function cabinet(req: http.IncomingMessage, res: http.ServerResponse, period: string) {
  const userId = String(req.headers['x-user-id'] ?? '');
  const [user] = await sql`select id, status, session_version, full_name from users where id = ${userId}`;
  if (!user) return send(res, 401, 'no user');
  const ids = (await sql`select account_id from account_users where user_id = ${userId}`).map(
    (r) => r.account_id as string,
  );
  const [accountRows, balances, latestBills, meterRows, submitted, settings] = await Promise.all([
    sql`select * from accounts where id = any(${ids}) order by number`,
    sql`select account_id, coalesce(sum(amount_kopecks), 0)::bigint as balance from ledger_entries where account_id = any(${ids}) group by account_id`,
    sql`select distinct on (account_id) account_id, id, period, amount_kopecks, due_date, receipt_number from bills where account_id = any(${ids}) order by account_id, period desc`,
    sql`select id, account_id, zone_plan, verification_due from meters where account_id = any(${ids}) and status = 'active'`,
    sql`select distinct r.meter_id from readings r join meters m on m.id = r.meter_id where m.account_id = any(${ids}) and r.period = ${period} and r.status = 'accepted'`,
    sql`select * from utility_profile limit 1`,
  ]);
  send(
    res,
    200,
    `<h1>${user.full_name}</h1>${accountRows.map((a) => `<p>${a.number}: ${balances.find((b) => b.account_id === a.id)?.balance ?? 0}</p>`).join('')}` +
      `<p>${latestBills.length} ${meterRows.length} ${submitted.length} ${settings.length}</p>`,
  );
}

// A reading: lock the meter, the last accepted value and the average per register, supersede the
// period's reading and insert the new one — what lib/readings/submit.ts does, without the rules.
async function reading(req: http.IncomingMessage, res: http.ServerResponse, period: string) {
  const form = new URLSearchParams(await readBody(req));
  const meterId = form.get('meterId') ?? '';
  const value = Number(form.get('value'));
  if (!Number.isInteger(value) || value < 0) return send(res, 400, 'bad value');
  await sql.begin(async (tx) => {
    const [meter] = await tx`select * from meters where id = ${meterId} for update`;
    if (!meter) return;
    const [last] =
      await tx`select value, period from readings where meter_id = ${meterId} and zone = 'all_day' and status = 'accepted' and period < ${period} order by period desc limit 1`;
    await tx`select avg(value) from readings where meter_id = ${meterId} and zone = 'all_day' and status = 'accepted' and period < ${period}`;
    if (last && value < Number(last.value)) return;
    await tx`update readings set status = 'superseded' where meter_id = ${meterId} and period = ${period} and zone = 'all_day' and status = 'accepted'`;
    await tx`insert into readings (meter_id, period, zone, value, source, status) values (${meterId}, ${period}, 'all_day', ${value}, 'subscriber', 'accepted')`;
  });
  send(res, 200, 'ok', 'text/plain');
}

// The ResultURL notification: signature check with Password #2, then the payment locked, marked
// paid and credited once (the same unique index makes a repeat a no-op).
async function notification(req: http.IncomingMessage, res: http.ServerResponse) {
  const form = new URLSearchParams(await readBody(req));
  const outSum = form.get('OutSum') ?? '';
  const invId = form.get('InvId') ?? '';
  const shp = [...form.keys()]
    .filter((k) => k.startsWith('Shp_'))
    .sort()
    .map((k) => `${k}=${form.get(k)}`);
  const expected = createHash('md5')
    .update([outSum, invId, password2, ...shp].join(':'))
    .digest('hex');
  if (expected !== (form.get('SignatureValue') ?? '').toLowerCase()) return send(res, 400, 'bad sign', 'text/plain');
  const amount = Math.round(Number(outSum) * 100);
  const ok = await sql.begin(async (tx) => {
    const [payment] =
      await tx`select id, account_id, amount_kopecks, status from payments where inv_id = ${Number(invId)} for update`;
    if (!payment || Number(payment.amount_kopecks) !== amount) return false;
    if (payment.status === 'pending')
      await tx`update payments set status = 'paid', paid_at = now() where id = ${payment.id}`;
    await tx`insert into ledger_entries (account_id, kind, amount_kopecks, payment_id, description)
      values (${payment.account_id}, 'payment', ${-amount}, ${payment.id}, 'Оплата картой') on conflict do nothing`;
    return true;
  });
  send(res, ok ? 200 : 400, ok ? `OK${invId}` : 'refused', 'text/plain');
}

const period = process.env.BENCH_PERIOD ?? '2026-11-01';
const server = http.createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  const route =
    req.method === 'GET' && path === '/tariffs'
      ? tariffs(res)
      : req.method === 'GET' && path === '/fiz'
        ? cabinet(req, res, period)
        : req.method === 'POST' && path === '/reading'
          ? reading(req, res, period)
          : req.method === 'POST' && path === '/result'
            ? notification(req, res)
            : Promise.resolve(send(res, 404, 'not found'));
  route.catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) send(res, 500, 'error');
  });
});
server.listen(port, '127.0.0.1', () => console.log(`[baseline] listening on ${port}`));
