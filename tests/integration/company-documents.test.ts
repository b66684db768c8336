// The company's front page and documents, on a company with three metering points billed for September
// and October 2026 (the second has not paid October): the overview's debt equals the ledger, the invoice and счёт-фактура carry the bill's exact amount with
// VAT split line by line, the period's ZIP holds both documents of every account, and no route
// hands a document to a role without money rights, another company, another door or nobody.
import { unzipSync } from 'fflate';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts, bills, ledgerEntries } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import type { SessionUser } from '@/lib/auth/session';
import { companyMemberOf } from '@/lib/company/access';
import { companyBillDocuments } from '@/lib/company/documents';
import { companyOverview } from '@/lib/company/overview';
import { PURPOSE_MAX } from '@/lib/company/purpose';
import { vatInside } from '@/lib/company/vat';
import { pdfText } from '../support/pdf-text';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';
import {
  createBilledCompany,
  createCompanyMember,
  createCompanyUser,
  createHousehold,
  createUtilityProfile,
} from '../support/factories';
import { signInAs } from '../support/signed-in-browser';

vi.mock('@/auth', () => import('../support/signed-in-browser').then((m) => m.authModule()));

const { GET: getInvoice } = await import('@/app/lk/(cabinet)/bills/[id]/invoice/route');
const { GET: getFacture } = await import('@/app/lk/(cabinet)/bills/[id]/facture/route');
const { GET: getArchive } = await import('@/app/lk/(cabinet)/bills/archive/route');

const now = new Date('2026-11-22T10:00:00Z');
let t: TestDatabase;
let restore: () => void;
let owner: SessionUser;
let accountant: SessionUser;
let engineer: SessionUser;
let rival: SessionUser;
let household: SessionUser;
/** The company's three accounts, in number order. */
let numbers: string[];

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db);
  const company = await createBilledCompany(t.db, {
    company: {
      name: 'ООО «Истра-Агро»',
      inn: '5017045672',
      kpp: '501701001',
      curatorName: 'Кравцова Анна Михайловна',
    },
    periods: ['2026-09-01', '2026-10-01'],
    // The second account has not paid October.
    unpaid: [[1, '2026-10-01']],
  });
  owner = company.owner;
  numbers = company.accounts.map((a) => a.number);
  accountant = await createCompanyMember(t.db, company.companyId, 'accountant');
  engineer = await createCompanyMember(t.db, company.companyId, 'engineer');
  rival = (await createCompanyUser(t.db, { company: { name: 'ООО «Соседи»' } })).user;
  household = (await createHousehold(t.db)).user;
});

afterAll(async () => {
  restore?.();
  await t?.drop();
});

async function signIn(user: SessionUser | null) {
  await signInAs(user);
}

async function ledgerOf(number: string): Promise<number> {
  const [row] = await t.db
    .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(ledgerEntries)
    .innerJoin(accounts, eq(accounts.id, ledgerEntries.accountId))
    .where(eq(accounts.number, number));
  return row!.sum;
}

async function billOf(number: string, period: string) {
  const [row] = await t.db
    .select({ id: bills.id, amount: bills.amountKopecks, receipt: bills.receiptNumber })
    .from(bills)
    .innerJoin(accounts, eq(accounts.id, bills.accountId))
    .where(sql`${accounts.number} = ${number} and ${bills.period} = ${period}`);
  return row!;
}

const flat = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
const rub = (kopecks: number) =>
  new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2 }).format(kopecks / 100).replace(/\u00a0/g, ' ');

describe('the company front page', () => {
  it('shows the company, its curator, contracts and a debt that equals the ledger', async () => {
    const overview = (await companyOverview(companyMemberOf(owner)!, now))!;
    expect(overview.company).toMatchObject({ name: 'ООО «Истра-Агро»', inn: '5017045672', kpp: '501701001' });
    expect(overview.company.curator?.name).toBe('Кравцова Анна Михайловна');
    expect(overview.accounts.map((a) => a.number)).toEqual(numbers);
    for (const a of overview.accounts) {
      expect(a.balanceKopecks).toBe(await ledgerOf(a.number));
      expect(a.contractState).toBe('active');
      // What is owed splits into overdue and due, never more than the balance.
      expect(a.overdueKopecks + a.dueKopecks).toBe(Math.max(a.balanceKopecks, 0));
    }
    // The second has not paid October (due 10 November): overdue on 22 November, shown apart.
    const second = overview.accounts.find((a) => a.number === numbers[1])!;
    expect(second.overdueKopecks).toBe((await billOf(numbers[1]!, '2026-10-01')).amount);
    expect(second.dueKopecks).toBe(0);
    expect(overview.totals.overdueKopecks).toBe(second.overdueKopecks);
  });
});

describe('invoice and счёт-фактура', () => {
  it('split VAT line by line and add up to the bill, kopeck-exact', async () => {
    const bill = await billOf(numbers[0]!, '2026-10-01');
    const docs = (await companyBillDocuments(accountant, bill.id))!;
    expect(docs.vatRatePercent).toBe(22);
    expect(docs.total.grossKopecks).toBe(bill.amount);
    expect(docs.total.netKopecks + docs.total.vatKopecks).toBe(bill.amount);
    expect(docs.lines.length).toBeGreaterThan(1);
    for (const line of docs.lines) expect(line).toMatchObject(vatInside(line.grossKopecks, 22));
    expect(docs.total.vatKopecks).toBe(docs.lines.reduce((s, l) => s + l.vatKopecks, 0));
    expect(docs.purpose.length).toBeLessThanOrEqual(PURPOSE_MAX);
    expect(docs.purpose).toContain(`№ ${bill.receipt}`);
    expect(docs.purpose).toContain('договор № ЮЛ-2021/014-1');
    expect(docs.factureDate).toBe('2026-10-31');
  });

  it('serves the invoice PDF with the bank details, total, VAT and purpose line', async () => {
    const bill = await billOf(numbers[0]!, '2026-10-01');
    await signIn(accountant);
    const response = await getInvoice(new Request('http://test.local/'), { params: Promise.resolve({ id: bill.id }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const docs = (await companyBillDocuments(accountant, bill.id))!;
    const text = flat(pdfText(Buffer.from(await response.arrayBuffer())).text);
    expect(text).toContain(`Счёт на оплату № ${bill.receipt}`);
    expect(text).toContain('ИНН 5017045672');
    expect(text).toContain(`Всего к оплате: ${rub(bill.amount)}`);
    expect(text).toContain(`В том числе НДС (22%): ${rub(docs.total.vatKopecks)}`);
    expect(text.replace(/ /g, '')).toContain(docs.purpose.replace(/ /g, ''));
  });

  it('serves the счёт-фактура with the fields of НК РФ ст. 169 п. 5', async () => {
    const bill = await billOf(numbers[1]!, '2026-10-01');
    await signIn(owner);
    const response = await getFacture(new Request('http://test.local/'), { params: Promise.resolve({ id: bill.id }) });
    expect(response.status).toBe(200);
    const docs = (await companyBillDocuments(owner, bill.id))!;
    const text = flat(pdfText(Buffer.from(await response.arrayBuffer())).text);
    expect(text).toContain(`Счёт-фактура № ${bill.receipt} от 31.10.2026`);
    expect(text).toContain('5017045672/501701001');
    expect(text).toContain('Российский рубль, 643');
    expect(text).toContain('245');
    expect(text).toContain('22%');
    expect(text).toContain(rub(docs.total.netKopecks));
    expect(text).toContain(rub(docs.total.vatKopecks));
    expect(text).toContain(rub(bill.amount));
  });

  it('zips both documents of every account of the period', async () => {
    await signIn(owner);
    const response = await getArchive(new Request('http://test.local/lk/bills/archive?period=2026-10-01'), {} as never);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('dokumenty-2026-10.zip');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(
      numbers.flatMap((n) => [`${n}/schet-R-202610-${n}.pdf`, `${n}/schet-faktura-R-202610-${n}.pdf`]).sort(),
    );
    for (const bytes of Object.values(files)) expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const bad = await getArchive(new Request('http://test.local/lk/bills/archive?period=2026-13-01'), {} as never);
    expect(bad.status).toBe(404);
  });
});

describe('nobody else gets a document', () => {
  it('refuses the engineer, another company, a household and nobody', async () => {
    const bill = await billOf(numbers[0]!, '2026-10-01');
    const params = { params: Promise.resolve({ id: bill.id }) };
    for (const user of [engineer, rival, household]) {
      await signIn(user);
      expect((await getInvoice(new Request('http://test.local/'), params)).status).toBe(404);
      expect((await getFacture(new Request('http://test.local/'), params)).status).toBe(404);
      const zip = await getArchive(new Request('http://test.local/lk/bills/archive?period=2026-10-01'), {} as never);
      expect(zip.status).toBe(404);
    }
    await signIn(null);
    const anonymous = await getInvoice(new Request('http://test.local/'), params);
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get('location')).toBe(
      `/lk/login?next=${encodeURIComponent(`/lk/bills/${bill.id}/invoice`)}`,
    );
    const malformed = await getInvoice(new Request('http://test.local/'), { params: Promise.resolve({ id: '../x' }) });
    expect(malformed.status).toBe(307);
  });
});
