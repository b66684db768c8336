// Bad input for every route handler: junk query strings, form bodies and path
// parameters, with and without a session, never make a handler throw or answer 5xx, and write
// nothing; a refusal a person can see (not a gateway's machine answer) is in Russian. A payment
// notification signed correctly but carrying junk in its unsigned fields credits the payment once.
//
// The handlers are found on disk (every app/**/route.ts), so a new route is covered when it is
// written. Only the request boundary is replaced (tests/support/request-boundary.ts).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bills, ledgerEntries, payments, serviceRequests } from '@/db/schema';
import { buildSandboxNotification, sandboxGateway } from '@/lib/payments/gateway/sandbox/gateway';
import { testSandboxConfig } from '../support/sandbox-fixtures';
import { startPayment } from '@/lib/payments/start';
import { log } from '@/lib/log';
import { junkText, runs, RUSSIAN, watchWrites, type WriteWatch } from '../support/junk';
import { requestState, runAfterTasks } from '../support/request-boundary';
import { useTestDatabase } from '../support/test-db';
import {
  createBill,
  createCompanyUser,
  createMeteredAccount,
  createService,
  createSubscriber,
  createUser,
  createUtilityProfile,
} from '../support/factories';

process.env.AUTH_SECRET ??= 'integration-only-secret-integration-only';

vi.mock('next-auth', () => import('../support/request-boundary').then((m) => m.nextAuthModule()));
vi.mock('@/auth', () => import('../support/request-boundary').then((m) => m.authModule()));
vi.mock('next/headers', () => import('../support/request-boundary').then((m) => m.headersModule()));
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: (await import('../support/request-boundary')).after,
}));
vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

// ─── The handlers, found on disk ─────────────────────────────────────────────
const root = path.resolve(import.meta.dirname, '../..');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

/** Auth.js's own endpoint: its input handling is the library's, and it needs the Next.js runtime. */
const NOT_OURS = new Set(['api/auth/[...nextauth]']);
/** Called by a payment gateway, not a person: the answer is the protocol's, not a Russian sentence. */
const SERVER_TO_SERVER = new Set([
  'api/payments/robokassa/result',
  'api/payments/moneta/result',
  'api/payments/netpay/result',
  'api/payments/sandbox/result',
  'sandbox/recurring',
]);

type Door = 'household' | 'company' | 'staff';
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
interface RouteUnderTest {
  where: string;
  method: string;
  params: string[];
  handler: Handler;
}

const ROUTES: RouteUnderTest[] = [];
for (const file of routeFiles(path.join(root, 'app')).sort()) {
  const where = path.relative(path.join(root, 'app'), path.dirname(file)).replace(/\\/g, '/');
  if (NOT_OURS.has(where)) continue;
  const params = [...where.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => m[1]!);
  const mod = (await import(file)) as Record<string, unknown>;
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    if (typeof mod[method] === 'function') ROUTES.push({ where, method, params, handler: mod[method] as Handler });
  }
}

/** The URL path of a route with its parameters filled in (route groups are not part of it). */
function urlPath(where: string, values: Record<string, string>): string {
  return `/${where
    .split('/')
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => {
      const m = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment);
      return m ? encodeURIComponent(values[m[1]!] ?? '') : segment;
    })
    .join('/')}`;
}

// ─── The database ────────────────────────────────────────────────────────────
const t = useTestDatabase();
let writes: WriteWatch;
const userIds: Partial<Record<Door, string>> = {};
let ownAccount: string;
let plausibleIds: string[] = [];

beforeAll(async () => {
  // A world of each door's user: a household with its meter, bills and a service request, another
  // household's account, a company owner and an operator; junk meets real rows of each kind. The
  // utility profile and an admin make the portal set up (otherwise every page is the 503 of setup).
  await createUtilityProfile(t.db);
  await createUser(t.db, { role: 'admin' });
  const household = await createMeteredAccount(t.db);
  userIds.household = (await createSubscriber(t.db, household.accountId)).id;
  userIds.company = (await createCompanyUser(t.db)).user.id;
  userIds.staff = (await createUser(t.db)).id;
  ownAccount = household.accountId;
  const other = await createMeteredAccount(t.db);
  const otherBill = await createBill(t.db, other.accountId, { period: '2026-10-01' });
  const ownBills = [
    await createBill(t.db, ownAccount, { period: '2026-09-01' }),
    await createBill(t.db, ownAccount, { period: '2026-10-01' }),
  ];
  const service = await createService(t.db);
  await t.db.insert(serviceRequests).values({
    userId: userIds.household,
    accountId: ownAccount,
    serviceId: service.id,
    address: 'г. Истра, ул. Тестовая, д. 1',
    contactPhone: '+79000000000',
  });
  plausibleIds = [
    ...ownBills.map((b) => b.id),
    otherBill.id,
    household.meterId,
    other.meterId,
    '00000000-0000-4000-8000-000000000000',
  ];
  writes = await watchWrites(t.db);
});

// ─── Junk requests ───────────────────────────────────────────────────────────
/** Names the handlers read (and the gateway protocol's), mixed with junk names. */
const knownKey = fc.constantFrom(
  'period',
  'InvId',
  'OutSum',
  'SignatureValue',
  'Shp_purpose',
  'Fee',
  'EMail',
  'PaymentMethod',
  'IncAccount',
  'InvoiceID',
  'PreviousInvoiceID',
  'MerchantLogin',
  'id',
);
const key = fc.oneof({ weight: 3, arbitrary: knownKey }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
const value = fc.oneof(
  { weight: 3, arbitrary: junkText },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2026-11-01',
      '2026-10-01',
      '100001',
      '150.000000',
      'electricity',
      'energokabinet-sandbox',
      ...['0'.repeat(32)],
    ),
  },
);
/** Pairs (repeated keys included), or raw text that is not well-formed at all. */
const encoded = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.array(fc.tuple(key, value), { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs).toString()),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%',
      '%zz',
      '&&&',
      '=',
      '==x',
      'a=%E0%A4%A',
      'InvId=1&InvId=2',
      'x'.repeat(25_000),
      '%00=%00',
    ),
  },
  { weight: 1, arbitrary: junkText },
);
const paramValue = fc.oneof(
  junkText,
  fc.constant('').chain(() => fc.constantFrom(...(plausibleIds.length ? plausibleIds : ['x']))),
);

/** A notification that looks right (amount, a real-looking InvId) but is not signed by the gateway. */
const unsignedNotification = fc
  .record(
    {
      OutSum: fc.constantFrom('150.000000', '150', '1.5', '100000.00'),
      InvId: fc.constantFrom('100001', '100002', '100050', '2147483647'),
      SignatureValue: fc.oneof(
        fc.string({ unit: fc.constantFrom(...'0123456789ABCDEF'), minLength: 32, maxLength: 32 }),
        junkText,
      ),
      Shp_purpose: fc.constantFrom('electricity', 'service'),
      PaymentMethod: junkText,
      IncAccount: junkText,
    },
    { requiredKeys: ['OutSum', 'InvId', 'SignatureValue'] },
  )
  .map((fields) => new URLSearchParams(fields as Record<string, string>).toString());

interface JunkRequest {
  door: Door | null;
  query: string;
  body: string;
  params: Record<string, string>;
  contentType: string;
}

/** Who a route is for: the door of its route group. */
function doorOf(where: string): Door | null {
  if (where.startsWith('admin/(console)')) return 'staff';
  if (where.startsWith('fiz/(cabinet)')) return 'household';
  if (where.startsWith('lk/(cabinet)')) return 'company';
  return null;
}

function junkRequest(route: RouteUnderTest): fc.Arbitrary<JunkRequest> {
  const own = doorOf(route.where);
  const anyone = fc.constantFrom<Door | null>(null, 'household', 'company', 'staff');
  const body = SERVER_TO_SERVER.has(route.where) ? fc.oneof(encoded, unsignedNotification) : encoded;
  // Mostly the route's own users, so the junk gets past the session check.
  const door = own
    ? fc.oneof({ weight: 2, arbitrary: fc.constant<Door | null>(own) }, { weight: 1, arbitrary: anyone })
    : anyone;
  // A query with the handler's own parameter (period, …) in it, junk or not.
  const query = fc.oneof(
    fc.constant(''),
    encoded,
    fc.tuple(fc.constantFrom('period', 'InvId'), value).map(([k, v]) => new URLSearchParams([[k, v]]).toString()),
  );
  return fc.record({
    door,
    query: route.method === 'GET' ? query : fc.oneof(fc.constant(''), encoded),
    body,
    params: fc.record(Object.fromEntries(route.params.map((p) => [p, paramValue]))) as fc.Arbitrary<
      Record<string, string>
    >,
    contentType: fc.constantFrom(
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/json',
    ),
  });
}

function show(r: JunkRequest): string {
  const cut = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…(${s.length})` : s);
  return JSON.stringify({
    ...r,
    query: cut(r.query),
    body: cut(r.body),
    params: Object.fromEntries(Object.entries(r.params).map(([k, v]) => [k, cut(v)])),
  });
}

let ipCounter = 0;
const freshIp = () => `10.77.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;

/** Sends the request to the handler as Next.js would; the answer, and what it logged as an error. */
async function send(
  route: RouteUnderTest,
  r: JunkRequest,
): Promise<{ response: Response; text: string; errors: string[] } | null> {
  let request: Request;
  try {
    const url = new URL(`http://test.local${urlPath(route.where, r.params)}`);
    url.search = r.query;
    const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
    request = new Request(url, {
      method: route.method,
      ...(hasBody
        ? { body: r.body, headers: { 'content-type': r.contentType, 'x-forwarded-for': requestState.ip } }
        : {}),
    });
  } catch {
    return null; // not a request anyone can send
  }
  const errors: string[] = [];
  const spy = vi
    .spyOn(console, 'error')
    .mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(' ').slice(0, 300)));
  // The server log (pino) is where the app reports failures; an error line there counts the same.
  const logSpy = vi
    .spyOn(log, 'error')
    .mockImplementation(((...args: unknown[]) => void errors.push(JSON.stringify(args).slice(0, 300))) as never);
  try {
    const response = await route.handler(request, { params: Promise.resolve(r.params) });
    await runAfterTasks();
    const text = await response.text();
    return { response, text, errors };
  } finally {
    spy.mockRestore();
    logSpy.mockRestore();
  }
}

describe('every route handler under generated junk', () => {
  it('finds the route handlers on disk', () => {
    const found = ROUTES.map((r) => `${r.method} ${r.where}`);
    for (const expected of [
      'POST api/payments/robokassa/result',
      'POST api/payments/sandbox/result',
      'GET admin/(console)/readings/export',
      'GET fiz/(cabinet)/bills/[id]/receipt',
      'GET admin/(console)/meters/[meterId]/photo',
    ]) {
      expect(found).toContain(expected);
    }
    // The notification is POST only: a GET would put the signature and the e-mail in access logs.
    expect(found).not.toContain('GET api/payments/robokassa/result');
  });

  const gatewayEnv: Record<string, Record<string, string>> = {
    'api/payments/robokassa': {
      ROBOKASSA_MERCHANT_LOGIN: 'energokabinet-test',
      ROBOKASSA_PASSWORD1: 'junk-test-one',
      ROBOKASSA_PASSWORD2: 'junk-test-two',
    },
    'api/payments/moneta': { MONETA_ACCOUNT_ID: '54600817', MONETA_INTEGRITY_CODE: 'junk-test-code' },
    'api/payments/netpay': { NETPAY_API_KEY: 'junk-test-key', NETPAY_AUTH: 'junk-test-auth' },
  };

  for (const route of ROUTES) {
    it(`${route.method} /${route.where}: junk → a refusal below 500, nothing written`, async () => {
      // A real gateway's endpoint answers only once it is configured; the sandbox's only while none is.
      const configure = Object.entries(gatewayEnv).find(([prefix]) => route.where.startsWith(prefix))?.[1];
      if (configure) Object.assign(process.env, configure);
      try {
        let mark = await writes.mark();
        await fc.assert(
          fc.asyncProperty(junkRequest(route), async (r) => {
            requestState.ip = freshIp();
            requestState.userId = r.door ? userIds[r.door]! : null;
            const answer = await send(route, r).catch((error: unknown) => {
              throw new Error(`${route.method} /${route.where} threw on ${show(r)}: ${String(error)}`, {
                cause: error,
              });
            });
            if (!answer) return;
            const context = `${route.method} /${route.where} on ${show(r)} → ${answer.response.status} ${answer.text.slice(0, 200)}`;
            expect(answer.errors, context).toEqual([]);
            expect(answer.response.status, context).toBeLessThan(500);
            const after = await writes.mark();
            if (after !== mark) expect(await writes.since(mark), context).toEqual([]);
            mark = after;
            const type = answer.response.headers.get('content-type') ?? '';
            if (answer.response.status >= 400 && !SERVER_TO_SERVER.has(route.where)) {
              // What a person sees: plain text or a JSON message, in Russian.
              if (type.startsWith('text/plain') || type.startsWith('application/json'))
                expect(answer.text, context).toMatch(RUSSIAN);
            }
          }),
          { numRuns: runs(60), endOnFailure: true },
        );
      } finally {
        if (configure) for (const name of Object.keys(configure)) delete process.env[name];
      }
    });
  }

  it('a correctly signed notification with junk in its unsigned fields: credited once or refused, never a 5xx', async () => {
    const route = ROUTES.find((r) => r.where === 'api/payments/sandbox/result' && r.method === 'POST')!;
    const gateway = sandboxGateway({ origin: 'http://test.local', config: testSandboxConfig });
    const unsigned = fc.record(
      {
        Fee: junkText,
        EMail: junkText,
        PaymentMethod: junkText,
        IncCurrLabel: junkText,
        IncAccount: fc.oneof(junkText, fc.constant('411111******1111')),
        IsTest: junkText,
        Culture: junkText,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(unsigned, fc.integer({ min: 100, max: 50_000_000 }), async (junk, amountKopecks) => {
        requestState.ip = freshIp();
        requestState.userId = null;
        const { invId, paymentId } = await startPayment(
          { accountId: ownAccount, userId: null, amountKopecks, requestsBinding: false, ip: '192.0.2.1' },
          gateway,
        );
        const fields = {
          ...buildSandboxNotification(
            { invId, amountKopecks, shp: { Shp_purpose: 'electricity' }, cardMask: '411111******1111' },
            testSandboxConfig,
          ),
          ...junk,
        };
        const r: JunkRequest = {
          door: null,
          query: '',
          body: new URLSearchParams(fields).toString(),
          params: {},
          contentType: 'application/x-www-form-urlencoded',
        };
        const answer = await send(route, r);
        const context = `${show(r)} → ${answer?.response.status} ${answer?.text.slice(0, 200)}`;
        expect(answer, context).not.toBeNull();
        expect(answer!.errors, context).toEqual([]);
        expect(answer!.response.status, context).toBeLessThan(500);
        const credits = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.paymentId, paymentId));
        const [payment] = await t.db
          .select()
          .from(payments)
          .where(and(eq(payments.id, paymentId)));
        if (answer!.response.status === 200) {
          expect(answer!.text, context).toBe(`OK${invId}`);
          expect(credits, context).toHaveLength(1);
          expect(payment!.status, context).toBe('paid');
        } else {
          expect(credits, context).toHaveLength(0);
          expect(payment!.status, context).toBe('pending');
        }
      }),
      { numRuns: runs(60), endOnFailure: true },
    );
  });
});

describe('the doors of the private files and downloads', () => {
  const NONE = '00000000-0000-4000-8000-000000000000';
  type Expected = { status: number; location?: string; text?: string };
  /** One request to one route: who asks (a door's user or nobody), the path parameters, the query. */
  async function answer(where: string, door: Door | null, params: Record<string, string>, query = '') {
    const route = ROUTES.find((r) => r.where === where && r.method === 'GET');
    expect(route, where).toBeDefined();
    requestState.ip = freshIp();
    requestState.userId = door ? userIds[door]! : null;
    const sent = await send(route!, { door, query, body: '', params, contentType: 'text/plain' });
    return sent!;
  }
  async function expectAnswer(
    where: string,
    door: Door | null,
    params: Record<string, string>,
    want: Expected,
    query = '',
  ) {
    const { response, text, errors } = await answer(where, door, params, query);
    const context = `${where} as ${door ?? 'nobody'} with ${JSON.stringify(params)} ${query}`;
    expect(errors, context).toEqual([]);
    expect(response.status, context).toBe(want.status);
    if (want.location !== undefined) expect(response.headers.get('location'), context).toBe(want.location);
    if (want.text !== undefined) expect(text, context).toBe(want.text);
    if (response.status !== 307) expect(response.headers.get('cache-control'), context).toBe('private, no-store');
  }
  const back = (login: string, path: string) => `${login}?next=${encodeURIComponent(path)}`;

  it('a request’s act and photos: the login and back, a malformed id 404 even before it, others’ 404', async () => {
    const [request] = await t.db
      .select({ id: serviceRequests.id })
      .from(serviceRequests)
      .where(eq(serviceRequests.userId, userIds.household!))
      .limit(1);
    const theirs = request!.id;
    for (const [where, login, base] of [
      ['fiz/(cabinet)/services/[id]/act', '/fiz/login', '/fiz'],
      ['lk/(cabinet)/services/[id]/act', '/lk/login', '/lk'],
      ['fiz/(cabinet)/services/[id]/photos/[fileId]', '/fiz/login', '/fiz'],
      ['lk/(cabinet)/services/[id]/photos/[fileId]', '/lk/login', '/lk'],
      ['admin/(console)/services/[id]/photos/[fileId]', '/admin/login', '/admin'],
    ] as const) {
      const own = doorOf(where)!;
      const params = { id: theirs, fileId: NONE };
      await expectAnswer(where, null, params, { status: 307, location: back(login, `${base}/services/${theirs}`) });
      await expectAnswer(where, null, { id: 'x', fileId: NONE }, { status: 404, text: 'Не найдено' });
      await expectAnswer(where, own, { id: 'x', fileId: 'x' }, { status: 404, text: 'Не найдено' });
      await expectAnswer(where, own === 'staff' ? 'company' : 'staff', params, { status: 404, text: 'Не найдено' });
      // The household's request is no other customer's; a photo that is not the request's is nobody's.
      if (own !== 'household') await expectAnswer(where, own, params, { status: 404, text: 'Не найдено' });
    }
  });

  it('an application’s files: the login and back, another door, a malformed or unknown id → 404', async () => {
    for (const [where, login, path] of [
      ['fiz/(cabinet)/connection/[id]/files/[fileId]', '/fiz/login', '/fiz/connection'],
      ['lk/(cabinet)/connection/[id]/files/[fileId]', '/lk/login', '/lk/connection'],
      ['admin/(console)/connection/[id]/files/[fileId]', '/admin/login', '/admin/connection'],
      ['lk/(cabinet)/applications/[id]/files/[fileId]', '/lk/login', '/lk/applications'],
      ['admin/(console)/applications/[id]/files/[fileId]', '/admin/login', '/admin/applications'],
      ['lk/(cabinet)/applications/[id]/offer', '/lk/login', '/lk/applications'],
      ['admin/(console)/applications/[id]/offer', '/admin/login', '/admin/applications'],
    ] as const) {
      const own = doorOf(where)!;
      const params = { id: NONE, fileId: NONE };
      await expectAnswer(where, null, params, { status: 307, location: back(login, `${path}/${NONE}`) });
      await expectAnswer(where, own, { id: 'x', fileId: 'x' }, { status: 404, text: 'Не найдено' });
      await expectAnswer(where, own, params, { status: 404, text: 'Не найдено' });
      await expectAnswer(where, own === 'household' ? 'staff' : 'household', params, {
        status: 404,
        text: 'Не найдено',
      });
    }
    // Only a well-formed pair of ids goes into the way back of a connection file; an application's always does.
    await expectAnswer(
      'fiz/(cabinet)/connection/[id]/files/[fileId]',
      null,
      { id: NONE, fileId: 'x' },
      { status: 404 },
    );
    await expectAnswer(
      'lk/(cabinet)/applications/[id]/offer',
      null,
      { id: 'x' },
      {
        status: 307,
        location: back('/lk/login', '/lk/applications/x'),
      },
    );
  });

  it('a company’s bill documents: the login and back, a household’s bill or another door → the same 404', async () => {
    const [householdBill] = await t.db.select({ id: bills.id }).from(bills).where(eq(bills.accountId, ownAccount));
    for (const kind of ['invoice', 'facture']) {
      const where = `lk/(cabinet)/bills/[id]/${kind}`;
      const params = { id: householdBill!.id };
      await expectAnswer(where, null, params, {
        status: 307,
        location: back('/lk/login', `/lk/bills/${householdBill!.id}/${kind}`),
      });
      await expectAnswer(where, null, { id: 'x' }, { status: 307, location: back('/lk/login', '/lk/bills') });
      for (const door of ['company', 'household', 'staff'] as const) {
        await expectAnswer(where, door, params, { status: 404, text: 'Документ не найден' });
      }
      await expectAnswer(where, 'company', { id: 'x' }, { status: 404, text: 'Документ не найден' });
    }
    const archive = 'lk/(cabinet)/bills/archive';
    await expectAnswer(
      archive,
      null,
      {},
      { status: 307, location: back('/lk/login', '/lk/bills/archive?period=2026-10-01') },
      'period=2026-10-01',
    );
    await expectAnswer(archive, null, {}, { status: 307, location: back('/lk/login', '/lk/bills') }, 'period=x');
    await expectAnswer(archive, 'company', {}, { status: 404, text: 'За этот период документов нет' }, 'period=x');
    await expectAnswer(archive, 'household', {}, { status: 404, text: 'Документ не найден' }, 'period=2026-10-01');
    for (const ext of ['pdf', 'xlsx']) {
      const where = `lk/(cabinet)/reconciliation/${ext}`;
      await expectAnswer(where, null, {}, { status: 307, location: back('/lk/login', '/lk/reconciliation') });
      await expectAnswer(where, 'staff', {}, { status: 404, text: 'Акт сверки не найден' });
    }
  });

  it('the audit log export: 401 for nobody, 403 for another door, a CSV for staff', async () => {
    const where = 'admin/(console)/audit/export';
    await expectAnswer(where, null, {}, { status: 401, text: 'Войдите как сотрудник, чтобы выгрузить журнал' });
    await expectAnswer(where, 'company', {}, { status: 403, text: 'Журнал доступен только сотрудникам' });
    const { response } = await answer(where, 'staff', {}, 'kind=nothing.such');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-\d{4}-\d\d-\d\d\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });
});
