// ГИС ЖКХ identifiers: the database holds their shapes and uniqueness, staff record the ЕЛС and
// ИЖКУ on the account card (audited), the registry finds an account by them, and the guest payment
// at /pay accepts an account number, an ЕЛС, an ИЖКУ or an ИПД in one box — an ИПД paying exactly
// what its bill still owes.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { accounts, auditLog, bills, payments } from '@/db/schema';
import { setAccountGisIds } from '@/lib/accounts/gis-ids';
import { accountGisIdsSchema } from '@/lib/accounts/registry-schemas';
import { searchRegistry } from '@/lib/accounts/registry-search';
import { lookupGuestPayee, readTicket } from '@/lib/payments/guest';
import { guestLookupSchema } from '@/lib/payments/schemas';
import { payerReferenceMessages, recognizePayerReference } from '@/lib/validation/gis-ids';
import { parseGostPayload } from '@/lib/bills/qr-payload';
import { billDetail } from '@/lib/bills/queries';
import { renderReceiptPdf } from '@/lib/bills/receipt-pdf';
import {
  createAccount,
  createBill,
  createHousehold,
  createPaidPayment,
  createUser,
  createUtilityProfile,
  gisIds,
} from '../support/factories';
import { pdfText } from '../support/pdf-text';
import { dbErrorOf, useTestDatabase } from '../support/test-db';
import { signInAs } from '../support/signed-in-browser';

vi.mock('@/auth', () => import('../support/signed-in-browser').then((m) => m.authModule()));
vi.mock('next/headers', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/headers')>()),
  headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.40', host: 'test.local' }),
}));

const { saveAccountGisIds } = await import('@/app/admin/(console)/accounts/actions');
const { payAsGuest } = await import('@/app/(public)/pay/actions');

process.env.AUTH_SECRET ??= 'integration-only-secret-integration-only';

const t = useTestDatabase();
const now = new Date('2026-11-20T09:00:00Z');
let ipSeq = 0;
/** Each lookup from its own address, so the per-address limit never decides a case here. */
const fresh = () => ({ ip: `198.51.100.${++ipSeq}`, now });

async function callAction(action: (prev: null, form: FormData) => Promise<unknown>, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  try {
    return await action(null, form);
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { redirect: digest.split(';')[2] };
    throw error;
  }
}

describe('recognising what was typed', () => {
  it('tells an account number, an ЕЛС, an ИЖКУ and an ИПД apart, and reads Latin look-alikes as Cyrillic', () => {
    expect(recognizePayerReference(' 500-100-01 ')).toEqual({ kind: 'account', value: '50010001' });
    expect(recognizePayerReference('50аб010001')).toEqual({ kind: 'els', value: '50АБ010001' });
    // «A» and «C» typed on a Latin keyboard, an en dash from a copied PDF.
    expect(recognizePayerReference('70AC000560–01')).toEqual({ kind: 'izhku', value: '70АС000560-01' });
    expect(recognizePayerReference('70АА000560-01-6103')).toEqual({ kind: 'ipd', value: '70АА000560-01-6103' });
    for (const junk of ['12345', '50ABC10001', '50QQ010001', '50АБ01000', '50АБ010001-1', '50АБ010001-01-123', 'abc'])
      expect(recognizePayerReference(junk), junk).toBeNull();
  });
});

describe('the database holds the identifiers', () => {
  it('refuses a malformed ЕЛС, an ИЖКУ without its ЕЛС, a duplicate ЕЛС and a malformed or duplicate ИПД', async () => {
    const ids = gisIds();
    const refusal = async (write: Promise<unknown>) =>
      dbErrorOf(
        await write.then(
          () => null,
          (e: unknown) => e,
        ),
      );
    expect((await refusal(createAccount(t.db, { els: '50AB010001' }))).constraint).toBe('accounts_els_format');
    expect((await refusal(createAccount(t.db, { izhku: ids.izhku }))).constraint).toBe('accounts_izhku_format');
    expect((await refusal(createAccount(t.db, { els: ids.els, izhku: `${gisIds().els}-01` }))).constraint).toBe(
      'accounts_izhku_format',
    );
    const account = await createAccount(t.db, { els: ids.els, izhku: ids.izhku });
    expect((await refusal(createAccount(t.db, { els: ids.els }))).constraint).toBe('accounts_els_key');
    await createBill(t.db, account.id, { period: '2026-09-01', ipd: ids.ipd(1) });
    expect((await refusal(createBill(t.db, account.id, { period: '2026-10-01', ipd: ids.ipd(1) }))).constraint).toBe(
      'bills_ipd_key',
    );
    expect(
      (await refusal(createBill(t.db, account.id, { period: '2026-10-01', ipd: `${ids.els}-01-12` }))).constraint,
    ).toBe('bills_ipd_format');
  });
});

describe('staff record the ЕЛС and ИЖКУ on the account card', () => {
  it('saves them through the action with an audit line, finds the account by them, and clears them', async () => {
    const staff = await createUser(t.db, { role: 'operator' });
    const account = await createAccount(t.db);
    const ids = gisIds();
    await signInAs(staff);
    // Typed in lower case with Latin look-alikes: stored in the ГИС ЖКХ spelling.
    const outcome = await callAction(saveAccountGisIds, {
      account: account.id,
      els: ids.els.toLowerCase().replace('Т', 'T'),
      izhku: ids.izhku,
    });
    expect(outcome).toEqual({ redirect: `/admin/accounts/${account.id}?done=gis-ids` });
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row).toMatchObject({ els: ids.els, izhku: ids.izhku });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'account.gis_ids_changed'), eq(auditLog.subjectId, account.id)));
    expect(entry?.details).toMatchObject({
      before: { els: null, izhku: null },
      after: { els: ids.els, izhku: ids.izhku },
    });

    const found = await searchRegistry(staff, { q: ids.els });
    expect(found.ok && found.rows.map((r) => r.number)).toEqual([account.number]);
    const byIzhku = await searchRegistry(staff, { q: ids.izhku });
    expect(byIzhku.ok && byIzhku.rows.map((r) => r.number)).toEqual([account.number]);

    expect(await callAction(saveAccountGisIds, { account: account.id, els: '', izhku: '' })).toEqual({
      redirect: `/admin/accounts/${account.id}?done=gis-ids`,
    });
    const [cleared] = await t.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(cleared).toMatchObject({ els: null, izhku: null });
  });

  it('refuses, in Russian, a malformed ЕЛС, an ИЖКУ of another ЕЛС, and an ЕЛС another account holds', async () => {
    const staff = await createUser(t.db, { role: 'operator' });
    const holder = await createAccount(t.db, { els: gisIds().els });
    const account = await createAccount(t.db);
    const ids = gisIds();

    const malformed = accountGisIdsSchema.safeParse({ account: account.id, els: '50АБ01' });
    expect(malformed.error?.issues[0]?.message).toMatch(/^ЕЛС — 10 знаков/);
    const foreign = accountGisIdsSchema.safeParse({ account: account.id, els: ids.els, izhku: `${holder.els}-01` });
    expect(foreign.error?.issues[0]).toMatchObject({
      path: ['izhku'],
      message: expect.stringMatching(/^ИЖКУ начинается с ЕЛС/),
    });

    const taken = await setAccountGisIds(staff, { account: account.id, els: holder.els! }, { ip: '203.0.113.40' });
    expect(taken).toMatchObject({
      ok: false,
      fieldErrors: { els: `ЕЛС уже записан у лицевого счёта ${holder.number} — проверьте его по ГИС ЖКХ` },
    });
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row!.els).toBeNull();
  });

  it('is refused to a household session', async () => {
    const account = await createAccount(t.db);
    const subscriber = await createUser(t.db, { role: 'subscriber' });
    expect(
      (await setAccountGisIds(subscriber, { account: account.id, els: gisIds().els }, { ip: '203.0.113.40' })).ok,
    ).toBe(false);
  });
});

describe('guest payment by a ГИС ЖКХ identifier', () => {
  it('finds the payee by ЕЛС and by ИЖКУ, masked, with the typed sum', async () => {
    const ids = gisIds();
    const account = await createAccount(t.db, { holderName: 'Смирнова Анна Ивановна', els: ids.els, izhku: ids.izhku });
    for (const typed of [ids.els.toLowerCase(), ids.izhku]) {
      const result = await lookupGuestPayee({ accountNumber: typed, amountKopecks: 70_000 }, fresh());
      expect(result, typed).toMatchObject({
        ok: true,
        payee: { accountNumber: account.number, holder: 'С***а А. И.', amountKopecks: 70_000, billPeriod: null },
      });
      if (!result.ok) throw new Error('expected a payee');
      expect(readTicket(result.payee.ticket, now)).toMatchObject({ accountId: account.id, amountKopecks: 70_000 });
      expect(JSON.stringify(result)).not.toContain('Смирнова');
    }
  });

  it('an ИПД pays exactly what its bill still owes, and the payment is linked to that bill', async () => {
    const ids = gisIds();
    const account = await createAccount(t.db, { els: ids.els, izhku: ids.izhku });
    await createBill(t.db, account.id, { period: '2026-09-01', amountKopecks: 120_000, ipd: ids.ipd(1) });
    const october = await createBill(t.db, account.id, {
      period: '2026-10-01',
      amountKopecks: 150_000,
      ipd: ids.ipd(2),
    });
    // Part of the debt paid: the oldest bill first, so September is paid and October owes 1 000 ₽.
    await createPaidPayment(t.db, account.id, 170_000, new Date('2026-11-05T10:00:00Z'));

    const result = await lookupGuestPayee({ accountNumber: ids.ipd(2) }, fresh());
    expect(result).toMatchObject({
      ok: true,
      payee: {
        amountKopecks: 100_000,
        reference: { label: 'ИПД', value: ids.ipd(2) },
        billPeriod: 'октябрь 2026',
      },
    });
    if (!result.ok) throw new Error('expected a payee');
    expect(readTicket(result.payee.ticket, now)).toMatchObject({ billId: october.id, amountKopecks: 100_000 });

    // The same sum typed is fine; another sum is refused with the document's sum.
    expect((await lookupGuestPayee({ accountNumber: ids.ipd(2), amountKopecks: 100_000 }, fresh())).ok).toBe(true);
    expect(await lookupGuestPayee({ accountNumber: ids.ipd(2), amountKopecks: 50_000 }, fresh())).toMatchObject({
      ok: false,
      fieldErrors: {
        amount:
          'По ИПД оплачивается сумма документа — 1\u00a0000,00\u00a0₽. Оставьте поле «Сумма» пустым или укажите её.',
      },
    });
    // The paid September document has nothing left to pay.
    expect(await lookupGuestPayee({ accountNumber: ids.ipd(1) }, fresh())).toMatchObject({
      ok: false,
      fieldErrors: { accountNumber: 'Платёжный документ за сентябрь 2026 уже оплачен — платить по нему нечего.' },
    });

    // «Всё верно, оплатить» (a ticket signed now: it lives half an hour): the pending payment
    // carries the bill and its sum.
    const live = await lookupGuestPayee({ accountNumber: ids.ipd(2) }, { ip: '198.51.100.250' });
    if (!live.ok) throw new Error(live.message);
    await signInAs(null);
    const outcome = await callAction(payAsGuest, { ticket: live.payee.ticket });
    expect(outcome).toMatchObject({ redirect: expect.stringMatching(/^\/payments\//) });
    const [payment] = await t.db.select().from(payments).where(eq(payments.billId, october.id));
    expect(payment).toMatchObject({ accountId: account.id, amountKopecks: 100_000, status: 'pending', userId: null });
  });

  it('an unknown identifier of each kind gets the same advice whether or not it exists, and no payment', async () => {
    const ids = gisIds();
    const before = (await t.db.select({ id: payments.id }).from(payments)).length;
    expect(await lookupGuestPayee({ accountNumber: ids.els, amountKopecks: 10_000 }, fresh())).toMatchObject({
      ok: false,
      fieldErrors: { accountNumber: 'Лицевой счёт не найден. Проверьте ЕЛС: он напечатан в квитанции.' },
    });
    expect(await lookupGuestPayee({ accountNumber: ids.izhku, amountKopecks: 10_000 }, fresh())).toMatchObject({
      ok: false,
      fieldErrors: { accountNumber: 'Лицевой счёт не найден. Проверьте ИЖКУ: он напечатан в квитанции.' },
    });
    expect(await lookupGuestPayee({ accountNumber: ids.ipd(7) }, fresh())).toMatchObject({
      ok: false,
      fieldErrors: { accountNumber: 'Платёжный документ не найден. Проверьте ИПД: он напечатан в квитанции.' },
    });
    // A closed account is not offered by its ЕЛС either.
    const closed = gisIds();
    await createAccount(t.db, { els: closed.els, status: 'closed' });
    expect((await lookupGuestPayee({ accountNumber: closed.els, amountKopecks: 10_000 }, fresh())).ok).toBe(false);
    expect((await t.db.select({ id: payments.id }).from(payments)).length).toBe(before);
  });

  it('the form refuses a malformed identifier, and a missing sum unless an ИПД was typed, in Russian', async () => {
    const malformed = guestLookupSchema.safeParse({ accountNumber: '50АБ0100', amount: '100' });
    expect(malformed.error?.issues).toEqual([
      expect.objectContaining({ path: ['accountNumber'], message: payerReferenceMessages.malformed }),
    ]);
    const noSum = guestLookupSchema.safeParse({ accountNumber: gisIds().els, amount: '' });
    expect(noSum.error?.issues).toEqual([expect.objectContaining({ path: ['amount'], message: 'Укажите сумму' })]);
    const ipd = guestLookupSchema.safeParse({ accountNumber: gisIds().ipd(3).toLowerCase(), amount: '' });
    expect(ipd.success && ipd.data).toMatchObject({
      amount: undefined,
      accountNumber: expect.stringMatching(/-0003$/),
    });
    // The lookup itself refuses it too, should anything call it without the form.
    expect(await lookupGuestPayee({ accountNumber: 'DROP TABLE', amountKopecks: 100 }, fresh())).toMatchObject({
      ok: false,
      message: payerReferenceMessages.malformed,
    });
  });
});

describe('the ИПД on the bill', () => {
  it('a bill without an ИПД is allowed (ГИС ЖКХ has not assigned one yet)', async () => {
    const account = await createAccount(t.db);
    const bill = await createBill(t.db, account.id, { period: '2026-10-01' });
    const [row] = await t.db.select({ ipd: bills.ipd }).from(bills).where(eq(bills.id, bill.id));
    expect(row!.ipd).toBeNull();
  });

  it('the bill, its QR purpose and its PDF receipt carry the ИПД, the ЕЛС and the ИЖКУ', async () => {
    await createUtilityProfile(t.db);
    const ids = gisIds();
    const { accountId, user } = await createHousehold(t.db, { account: { els: ids.els, izhku: ids.izhku } });
    const bill = await createBill(t.db, accountId, { period: '2026-10-01', ipd: ids.ipd(4) });
    const detail = (await billDetail(user, bill.id, now))!;
    expect(detail.bill.ipd).toBe(ids.ipd(4));
    expect(detail.account).toMatchObject({ els: ids.els, izhku: ids.izhku });
    expect(parseGostPayload(detail.qrPayload!).get('Purpose')).toMatch(new RegExp(`, ИПД ${ids.ipd(4)}$`));
    const { text, pages } = pdfText(await renderReceiptPdf(detail, { now }));
    expect(pages).toBe(1);
    for (const expected of [`ЕЛС (ГИС ЖКХ)${ids.els}`, `ИЖКУ (ГИС ЖКХ)${ids.izhku}`, `ИПД (ГИС ЖКХ)${ids.ipd(4)}`])
      expect(text.replace(/\s+/g, '')).toContain(expected.replace(/\s+/g, ''));
  });
});
