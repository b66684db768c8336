// Technological connection on a real database, seeded as of 2 December 2026: filing with the
// documents of п. 10 (checked by their bytes), every allowed move through the workflow and every
// refused one in the database, the deadlines counted by the production calendar table, the fee
// by the staff's rates, the invoice paid through the sandbox's signed notification (credited to the
// application once, never to the electricity ledger), the sweep of unpaid offers, and another
// applicant's application unseen on every route.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  auditLog,
  cardBindings,
  connectionApplications,
  connectionEvents,
  emailOutbox,
  ledgerEntries,
  payments,
  storedFiles,
} from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { addRate } from '@/lib/connection/rates';
import {
  applicationDetail,
  applicationFile,
  createApplication,
  type Scope,
  scopeOf,
} from '@/lib/connection/applications';
import { startConnectionPayment } from '@/lib/connection/payment';
import { applicationSchema } from '@/lib/connection/schemas';
import { allowedEdges, CONNECTION_STATUSES, type ConnectionStatus } from '@/lib/connection/status';
import {
  cancelApplication,
  cancelOverdue,
  completeApplication,
  markWorksDone,
  postAct,
  postOffer,
  requestData,
  supplyData,
} from '@/lib/connection/workflow';
import { buildSandboxNotification, sandboxGateway } from '@/lib/payments/gateway/sandbox/gateway';
import { sandboxConfig } from '@/lib/payments/gateways';
import { acceptPaymentNotification } from '@/lib/payments/notify';
import { refundPayment } from '@/lib/payments/refund';
import { createTestDatabase, dbErrorOf, type TestDatabase, useAsGlobalDb } from '../support/test-db';
import {
  createAccount,
  createCompanyUser,
  createConnectionRates,
  createHousehold,
  createUser,
  createUtilityProfile,
} from '../support/factories';
import { signInAs } from '../support/signed-in-browser';

vi.mock('@/auth', () => import('../support/signed-in-browser').then((m) => m.authModule()));
vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));
process.env.AUTH_SECRET ??= 'integration-test-secret-connection';

const { GET: fizFile } = await import('@/app/fiz/(cabinet)/connection/[id]/files/[fileId]/route');
const { GET: lkFile } = await import('@/app/lk/(cabinet)/connection/[id]/files/[fileId]/route');

const ctx = { ip: '203.0.113.31', origin: 'http://test.local' };
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
/** Wednesday 2 December 2026, 12:00 Moscow. */
const NOW = new Date('2026-12-02T09:00:00Z');
const gateway = () => sandboxGateway({ origin: ctx.origin, config: sandboxConfig() });

let t: TestDatabase;
let restore: () => void;
let ivanova: SessionUser;
let petrov: SessionUser;
let owner: SessionUser;
let staff: SessionUser;
let ivanovaAccountId: string;
let companyAccountId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await createUtilityProfile(t.db);
  await createConnectionRates(t.db);
  const household = await createHousehold(t.db, { user: { fullName: 'Иванова Мария Петровна' } });
  ivanova = household.user;
  ivanovaAccountId = household.accountId;
  petrov = (await createHousehold(t.db)).user;
  const company = await createCompanyUser(t.db);
  owner = company.user;
  companyAccountId = (await createAccount(t.db, { kind: 'company', companyId: company.companyId })).id;
  staff = await createUser(t.db);
});

afterAll(async () => {
  restore();
  await t.drop();
});

const file = (bytes: Uint8Array, name: string, type: string) => new File([bytes as BlobPart], name, { type });

function form(accountId: string, overrides: Record<string, unknown> = {}) {
  return applicationSchema.parse(raw(accountId, overrides));
}

function raw(accountId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    accountId,
    applicantName: 'Иванова Мария Петровна',
    passport: '4510 123456, ОВД Истринского р-на, 01.02.2010',
    snils: '123-456-789 01',
    applicantAddress: '143500, г. Истра, ул. Ленина, д. 1',
    reason: 'new',
    objectName: 'Жилой дом',
    objectAddress: 'Истринский р-н, д. Лечищево, уч. 15',
    cadastralNumber: '50:08:0040201:155',
    maxPower: '15',
    existingPower: '',
    reliabilityCategory: '3',
    voltage: '0.4',
    loadCharacter: 'Бытовая',
    contactPhone: '8 (916) 555-44-33',
    consent: 'on',
    doc_identity: file(PDF, 'паспорт.pdf', 'application/pdf'),
    doc_site_plan: file(PNG, 'план.png', 'image/png'),
    doc_title_deed: file(PDF, 'выписка ЕГРН.pdf', 'application/pdf'),
    ...overrides,
  };
}

async function file15kW(now = NOW): Promise<string> {
  const created = await createApplication(ivanova, form(ivanovaAccountId), { ...ctx, now });
  if (!created.ok) throw new Error(created.message);
  return created.applicationId;
}

const offerInput = (applicationId: string) => ({
  applicationId,
  connectionPoint: 'Опора № 12 ВЛ-0,4 кВ ф. 3 ТП-115',
  gridWorks: 'Строительство ответвления от опоры № 12 до границы участка, установка прибора учёта',
  applicantWorks: 'Ввод в дом, вводное устройство с автоматом 25 А',
  tuValidYears: 2,
});

async function row(id: string) {
  const [r] = await t.db.select().from(connectionApplications).where(eq(connectionApplications.id, id));
  return r!;
}

async function notify(invId: number, amountKopecks: number, purpose = 'connection') {
  const params = buildSandboxNotification(
    { invId, amountKopecks, shp: { Shp_purpose: purpose }, cardMask: '411111******1111' },
    sandboxConfig(),
  ) as Record<string, string>;
  return acceptPaymentNotification(gateway(), params, { ip: ctx.ip });
}

async function ledgerSum(accountId: string): Promise<number> {
  const [r] = await t.db
    .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  return r!.sum;
}

async function pay(id: string, now = NOW): Promise<string> {
  const started = await startConnectionPayment(ivanova, scopeOf(ivanova), { applicationId: id }, gateway(), {
    ip: ctx.ip,
    now,
  });
  if (!started.ok) throw new Error(started.message);
  const [p] = await t.db.select().from(payments).where(eq(payments.id, started.paymentId));
  expect((await notify(p!.invId, p!.amountKopecks)).status).toBe(200);
  return p!.id;
}

/** An application of Ивановой's moved to `status` through the workflow, each step by its own actor. */
async function reach(status: ConnectionStatus): Promise<string> {
  const id = await file15kW();
  if (status === 'submitted') return id;
  if (status === 'data_requested') {
    expect(await requestData(staff, { applicationId: id, note: 'Приложите план в масштабе' }, ctx)).toMatchObject({
      ok: true,
    });
    return id;
  }
  if (status === 'cancelled') {
    expect(
      await cancelApplication({ by: 'staff', userId: staff.id }, { applicationId: id, reason: 'Дубль' }, ctx),
    ).toMatchObject({ ok: true });
    return id;
  }
  expect(await postOffer(staff, offerInput(id), { ...ctx, now: NOW })).toMatchObject({ ok: true });
  if (status === 'offer_posted') return id;
  await pay(id);
  if (status === 'contracted') return id;
  expect(await markWorksDone(staff, { applicationId: id }, ctx)).toMatchObject({ ok: true });
  if (status === 'works_done') return id;
  expect(await postAct(staff, { applicationId: id }, ctx)).toMatchObject({ ok: true });
  if (status === 'act_posted') return id;
  expect(await completeApplication(staff, { applicationId: id }, ctx)).toMatchObject({ ok: true });
  return id;
}

describe('filing', () => {
  it('a household files 15 kW with the documents; a letter is queued and the timeline starts', async () => {
    const id = await file15kW();
    const detail = await applicationDetail(id, scopeOf(ivanova), NOW);
    expect(detail).toMatchObject({ status: 'submitted', applicantKind: 'person', maxPowerW: 15_000, companyId: null });
    expect(detail!.documents.map((d) => d.kind).sort()).toEqual(['identity', 'site_plan', 'title_deed']);
    expect(detail!.events.map((e) => e.kind)).toEqual(['submitted']);
    // The grid's clock: 10 working days for the offer (16 December), 3 to ask for data (7 December).
    expect(detail!.deadlines.map((d) => [d.key, d.due, d.left])).toEqual([
      ['offer', '2026-12-16', 10],
      ['data_request', '2026-12-07', 3],
    ]);
    const letters = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, ivanova.email));
    expect(letters.some((l) => l.subject === `Заявка № ${detail!.number}: заявка зарегистрирована`)).toBe(true);
  });

  it('refuses a file that is not what its name says, a missing required document, another’s account', async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(storedFiles);
    const fake = file(new TextEncoder().encode('<script>alert(1)</script>'), 'план.pdf', 'application/pdf');
    expect(await createApplication(ivanova, form(ivanovaAccountId, { doc_site_plan: fake }), ctx)).toMatchObject({
      ok: false,
      fieldErrors: { doc_site_plan: expect.stringMatching(/не в формате/) },
    });
    expect(await createApplication(ivanova, form(ivanovaAccountId, { doc_title_deed: undefined }), ctx)).toMatchObject({
      ok: false,
      fieldErrors: { doc_title_deed: expect.stringMatching(/Приложите документ/) },
    });
    expect(await createApplication(petrov, form(ivanovaAccountId), ctx)).toMatchObject({
      ok: false,
      fieldErrors: { accountId: expect.any(String) },
    });
    // A company applies with its ЕГРЮЛ record, not a passport.
    expect(await createApplication(owner, form(companyAccountId), ctx)).toMatchObject({
      ok: false,
      fieldErrors: { registryRecord: expect.any(String) },
    });
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(storedFiles);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('validates the fields of п. 9 with Russian messages', () => {
    const messages = (input: Record<string, unknown>) => {
      const parsed = applicationSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(messages(raw(ivanovaAccountId, { cadastralNumber: '123', consent: '', maxPower: '15 квт!' }))).toEqual([
      'cadastralNumber: Кадастровый номер — как в выписке ЕГРН: 50:21:0123456:789',
      'maxPower: Максимальная мощность: число в кВт, например 15 или 7,5',
      'consent: Без согласия на обработку персональных данных заявку не рассмотреть',
    ]);
    expect(messages(raw(ivanovaAccountId, { maxPower: '151', existingPower: '200' }))).toEqual([
      'maxPower: Через личный кабинет — до 150 кВт; для большей мощности обратитесь в сетевую организацию',
      'existingPower: Ранее присоединённая мощность должна быть меньше максимальной (она в неё входит)',
    ]);
    expect(messages(raw(ivanovaAccountId, { reason: 'increase', maxPower: '7,5' }))).toEqual([
      'existingPower: Для увеличения мощности укажите ранее присоединённую',
    ]);
    expect(applicationSchema.parse(raw(ivanovaAccountId, { maxPower: '7,5', existingPower: '2.25' }))).toMatchObject({
      maxPower: 7_500,
      existingPower: 2_250,
    });
  });
});

describe('status machine', () => {
  it('takes every allowed edge through the workflow with its own actor', async () => {
    // submitted → data_requested → submitted (the applicant supplies the data) → cancelled by the applicant.
    const a = await reach('data_requested');
    expect(
      await supplyData(
        scopeOf(ivanova),
        ivanova.id,
        { applicationId: a, note: 'Приложен план', doc_other: file(PDF, 'план.pdf', 'application/pdf') },
        ctx,
      ),
    ).toMatchObject({ ok: true });
    expect((await row(a)).status).toBe('submitted');
    expect(
      await cancelApplication(
        { by: 'applicant', scope: scopeOf(ivanova), userId: ivanova.id },
        { applicationId: a },
        ctx,
      ),
    ).toMatchObject({ ok: true });
    // data_requested → cancelled by staff; offer_posted → cancelled by the applicant.
    const b = await reach('data_requested');
    expect(
      await cancelApplication(
        { by: 'staff', userId: staff.id },
        { applicationId: b, reason: 'Не представлены сведения' },
        ctx,
      ),
    ).toMatchObject({ ok: true });
    const c = await reach('offer_posted');
    expect(
      await cancelApplication(
        { by: 'applicant', scope: scopeOf(ivanova), userId: ivanova.id },
        { applicationId: c },
        ctx,
      ),
    ).toMatchObject({ ok: true });
    // The rest of the path: offer → contracted (gateway) → works → act → done.
    const d = await reach('done');
    const events = await t.db
      .select({ kind: connectionEvents.kind })
      .from(connectionEvents)
      .where(eq(connectionEvents.applicationId, d));
    expect(events.map((e) => e.kind)).toEqual([
      'submitted',
      'offer_posted',
      'contracted',
      'works_done',
      'act_posted',
      'done',
    ]);
    const audited = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, d));
    expect(audited.map((x) => x.action)).toEqual(
      expect.arrayContaining(['connection.submitted', 'connection.offer_posted', 'connection.paid', 'connection.done']),
    );
  });

  it('refuses the wrong actor and every move not on the map, in the workflow and in the database', async () => {
    const contracted = await reach('contracted');
    expect(
      await cancelApplication(
        { by: 'applicant', scope: scopeOf(ivanova), userId: ivanova.id },
        { applicationId: contracted },
        ctx,
      ),
    ).toMatchObject({ ok: false });
    expect(await requestData(staff, { applicationId: contracted, note: 'x' }, ctx)).toMatchObject({ ok: false });
    const submitted = await reach('submitted');
    expect(await supplyData(scopeOf(ivanova), ivanova.id, { applicationId: submitted, note: 'x' }, ctx)).toMatchObject({
      ok: false,
    });
    expect(await postAct(staff, { applicationId: submitted }, ctx)).toMatchObject({ ok: false });

    const allowed = new Set(allowedEdges().map(([f, to]) => `${f}>${to}`));
    for (const from of CONNECTION_STATUSES) {
      const id = await reach(from);
      for (const to of CONNECTION_STATUSES) {
        if (to === from || allowed.has(`${from}>${to}`)) continue;
        const error = await t.db
          .update(connectionApplications)
          .set({ status: to })
          .where(eq(connectionApplications.id, id))
          .then(
            () => null,
            (e: unknown) => e,
          );
        expect(dbErrorOf(error).code, `${from} → ${to}`).toBe('23514');
        expect((await row(id)).status).toBe(from);
      }
    }
    // The timeline is append-only.
    const error = await t.db.delete(connectionEvents).then(
      () => null,
      (e: unknown) => e,
    );
    expect(dbErrorOf(error).code).toBe('23001');
  });
});

describe('offer, deadlines and payment', () => {
  it('prices 15 kW at the preferential rate, pays by 5 working days over the New Year holidays of the calendar table', async () => {
    // Friday 25 December 2026: 28, 29, 30 December, then 31 December – 10 January are off; 11 and 12 January.
    const friday = new Date('2026-12-25T09:00:00Z');
    const id = await file15kW(friday);
    expect(await postOffer(staff, offerInput(id), { ...ctx, now: friday })).toMatchObject({ ok: true });
    const offered = await row(id);
    expect(offered).toMatchObject({
      status: 'offer_posted',
      rateCategory: 'household_preferential',
      priceKopecks: 75_000_00,
      payBy: '2027-01-12',
    });
    const [offerFile] = await t.db.select().from(storedFiles).where(eq(storedFiles.id, offered.offerFileId!));
    expect(new TextDecoder().decode(offerFile!.content.subarray(0, 5))).toBe('%PDF-');
    const [event] = await t.db
      .select()
      .from(connectionEvents)
      .where(and(eq(connectionEvents.applicationId, id), eq(connectionEvents.kind, 'offer_posted')));
    expect(event!.documentSha256).toContain(offerFile!.sha256);
    const detail = await applicationDetail(id, scopeOf(ivanova), new Date('2027-01-11T09:00:00Z'));
    expect(detail!.deadlines[0]).toMatchObject({ key: 'payment', left: 1, state: 'close' });
  });

  it('a new rate from a later date prices later offers; a past date is refused', async () => {
    expect(
      await addRate(
        staff,
        { category: 'standard', rate: 1_00, effectiveFrom: '2026-01-01', basis: 'x' },
        { ...ctx, now: NOW },
      ),
    ).toMatchObject({ ok: false, fieldErrors: { effectiveFrom: expect.any(String) } });
    expect(
      await addRate(
        staff,
        { category: 'household_preferential', rate: 4000_00, effectiveFrom: '2027-03-01', basis: 'Решение РЭК' },
        { ...ctx, now: NOW },
      ),
    ).toMatchObject({ ok: true });
    const march = new Date('2027-03-02T09:00:00Z');
    const id = await file15kW(march);
    expect(await postOffer(staff, offerInput(id), { ...ctx, now: march })).toMatchObject({ ok: true });
    expect((await row(id)).priceKopecks).toBe(60_000_00);
  });

  it('the invoice payment concludes the contract once and never touches the electricity ledger', async () => {
    const id = await reach('offer_posted');
    const before = await ledgerSum(ivanovaAccountId);
    const started = await startConnectionPayment(ivanova, scopeOf(ivanova), { applicationId: id }, gateway(), ctx);
    if (!started.ok) throw new Error(started.message);
    const again = await startConnectionPayment(ivanova, scopeOf(ivanova), { applicationId: id }, gateway(), ctx);
    expect(again).toMatchObject({ ok: true, paymentId: started.paymentId });
    const [p] = await t.db.select().from(payments).where(eq(payments.id, started.paymentId));
    expect(p).toMatchObject({ purpose: 'connection', amountKopecks: 75_000_00, requestsBinding: false });
    // A notification naming another purpose is refused.
    expect((await notify(p!.invId, p!.amountKopecks, 'services')).status).toBe(400);
    const answers = await Promise.all(Array.from({ length: 12 }, () => notify(p!.invId, p!.amountKopecks)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await ledgerSum(ivanovaAccountId)).toBe(before);
    const paid = await row(id);
    expect(paid).toMatchObject({ status: 'contracted', paidPaymentId: p!.id });
    expect(paid.worksDue).toMatch(/^2027-06-0\d$/);
    const contracted = await t.db
      .select()
      .from(connectionEvents)
      .where(and(eq(connectionEvents.applicationId, id), eq(connectionEvents.kind, 'contracted')));
    expect(contracted).toHaveLength(1);
    expect(await t.db.select().from(cardBindings).where(eq(cardBindings.parentPaymentId, p!.id))).toHaveLength(0);
    // Paid: no second invoice; the contract's payment is not refunded from the payments console.
    expect(
      await startConnectionPayment(ivanova, scopeOf(ivanova), { applicationId: id }, gateway(), ctx),
    ).toMatchObject({ ok: false });
    expect(
      await refundPayment(staff, { paymentId: p!.id, amount: 100, reason: 'тест' }, { ip: ctx.ip, origin: ctx.origin }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/договор технологического присоединения/) });
  });

  it('an offer unpaid in time cannot be paid and is annulled by the sweep; a late payment is a surplus', async () => {
    const id = await reach('offer_posted');
    const payBy = (await row(id)).payBy!;
    // Started on time, paid by the gateway only after the offer was annulled.
    const started = await startConnectionPayment(ivanova, scopeOf(ivanova), { applicationId: id }, gateway(), ctx);
    if (!started.ok) throw new Error(started.message);
    const late = new Date(`${payBy}T21:30:00Z`); // the next day, 00:30 Moscow
    expect(
      await startConnectionPayment(ivanova, scopeOf(ivanova), { applicationId: id }, gateway(), {
        ip: ctx.ip,
        now: late,
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/Срок оплаты счёта истёк/) });
    const swept = await cancelOverdue({ ...ctx, now: late });
    expect(swept.cancelled).toContain((await row(id)).number);
    expect(await row(id)).toMatchObject({ status: 'cancelled', cancelledBy: 'system' });
    const [p] = await t.db.select().from(payments).where(eq(payments.id, started.paymentId));
    expect((await notify(p!.invId, p!.amountKopecks)).status).toBe(200);
    expect((await row(id)).status).toBe('cancelled');
    const surplus = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'connection.payment_surplus'), eq(auditLog.subjectId, p!.id)));
    expect(surplus).toHaveLength(1);
  });
});

describe('installments', () => {
  it('a household up to 15 kW pays 15 / 30 / 35 / 20 %: the first part concludes the contract, the last follows the act', async () => {
    expect(
      await createApplication(petrov, form(ivanovaAccountId, { installments: 'on', maxPower: '20' }), ctx),
    ).toMatchObject({ ok: false });
    const created = await createApplication(ivanova, form(ivanovaAccountId, { installments: 'on', maxPower: '10' }), {
      ...ctx,
      now: NOW,
    });
    if (!created.ok) throw new Error(created.message);
    const id = created.applicationId;
    expect(await postOffer(staff, offerInput(id), { ...ctx, now: NOW })).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ installments: true, priceKopecks: 50_000_00 });
    const before = await ledgerSum(ivanovaAccountId);
    const amounts: number[] = [];
    const payNext = async () => {
      const started = await startConnectionPayment(ivanova, scopeOf(ivanova), { applicationId: id }, gateway(), ctx);
      if (!started.ok) return started;
      const [p] = await t.db.select().from(payments).where(eq(payments.id, started.paymentId));
      const answers = await Promise.all([1, 2, 3].map(() => notify(p!.invId, p!.amountKopecks)));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      amounts.push(p!.amountKopecks);
      return started;
    };
    expect(await payNext()).toMatchObject({ ok: true });
    expect((await row(id)).status).toBe('contracted');
    expect(await payNext()).toMatchObject({ ok: true });
    expect(await payNext()).toMatchObject({ ok: true });
    // The last part waits for the act.
    expect(await payNext()).toMatchObject({ ok: false });
    expect(await markWorksDone(staff, { applicationId: id }, ctx)).toMatchObject({ ok: true });
    expect(await postAct(staff, { applicationId: id }, ctx)).toMatchObject({ ok: true });
    expect(await payNext()).toMatchObject({ ok: true });
    expect(await payNext()).toMatchObject({ ok: false });
    expect(amounts).toEqual([7_500_00, 15_000_00, 17_500_00, 10_000_00]);
    expect(await ledgerSum(ivanovaAccountId)).toBe(before);
    const detail = await applicationDetail(id, scopeOf(ivanova));
    expect(detail!.creditedParts.sort()).toEqual([1, 2, 3, 4]);
    expect(detail!.events.filter((e) => e.kind === 'installment_paid')).toHaveLength(3);
  });
});

describe('another applicant’s application', () => {
  it('is not found in detail, files, payment, supply, withdrawal; the company and the household do not see each other', async () => {
    const id = await reach('offer_posted');
    const offerFileId = (await row(id)).offerFileId!;
    const foreign: Scope[] = [scopeOf(petrov), scopeOf(owner)];
    for (const scope of foreign) {
      expect(await applicationDetail(id, scope)).toBeNull();
      expect(await applicationFile(id, offerFileId, scope)).toBeNull();
      expect(await startConnectionPayment(petrov, scope, { applicationId: id }, gateway(), ctx)).toMatchObject({
        ok: false,
      });
      expect(await supplyData(scope, petrov.id, { applicationId: id, note: 'x' }, ctx)).toMatchObject({ ok: false });
      expect(
        await cancelApplication({ by: 'applicant', scope, userId: petrov.id }, { applicationId: id }, ctx),
      ).toMatchObject({ ok: false, message: 'Заявка не найдена' });
    }
    expect((await row(id)).status).toBe('offer_posted');

    const get = async (handler: typeof fizFile | typeof lkFile, user: SessionUser | null, fileId: string) => {
      await signInAs(user);
      return handler(new Request(`http://test.local/x/connection/${id}/files/${fileId}`), {
        params: Promise.resolve({ id, fileId }),
      });
    };
    const mine = await get(fizFile, ivanova, offerFileId);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect((await get(fizFile, petrov, offerFileId)).status).toBe(404);
    expect((await get(lkFile, owner, offerFileId)).status).toBe(404);
    expect((await get(fizFile, ivanova, '00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await get(fizFile, null, offerFileId)).status).toBe(307);
  });
});
