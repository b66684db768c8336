// Bills in the cabinet, on three households and a company of three points billed by the billing run
// for 12 months (November 2025 – October 2026), seen on 22 November 2026. Petrov (50010002) has not paid September and
// October; Ivanova (50010001) has paid everything. Lists, detail, access, and the PDF receipt itself
// (its text read back through the embedded font's ToUnicode map, as a viewer's search would).
import { pdfText } from '../support/pdf-text';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts, bills, ledgerEntries } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import type { SessionUser } from '@/lib/auth/session';
import { parseGostPayload } from '@/lib/bills/qr-payload';
import { billDetail, listBills } from '@/lib/bills/queries';
import { formatRub } from '@/lib/format/money';
import { receiptFileName, renderReceiptPdf } from '@/lib/bills/receipt-pdf';
import { useTestDatabase } from '../support/test-db';
import { shiftPeriod } from '@/lib/readings/window';
import {
  billOf as billRow,
  billPeriod,
  COMPANY_POINTS,
  createBilledCompany,
  createMeteredAccount,
  createPaidPayment,
  createSubscriber,
  createUser,
  createUtilityProfile,
  monthlyReadings,
  sessionUser,
} from '../support/factories';
import { signInAs } from '../support/signed-in-browser';

// The route handler reads the session through Auth.js; here the test says who is signed in.
vi.mock('@/auth', () => import('../support/signed-in-browser').then((m) => m.authModule()));

const { GET: getReceipt } = await import('@/app/fiz/(cabinet)/bills/[id]/receipt/route');

const now = new Date('2026-11-22T10:00:00Z');
const PERIODS_NEWEST_FIRST = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2026, 9 - i, 1));
  return d.toISOString().slice(0, 10);
});

const t = useTestDatabase();
const BILLED = [...PERIODS_NEWEST_FIRST].reverse();

/** Monthly readings from October 2025 for `months` months. */
const monthly = (start: Record<string, number>, use: Record<string, number>, months: number) =>
  monthlyReadings({ from: '2025-10-01', to: shiftPeriod('2025-10-01', months - 1), start, use });

beforeAll(async () => {
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db, { fullName: 'МУП «Объединение Истринские электросети»', bankName: 'ПАО Сбербанк' });
  await createUser(t.db, { email: 'operator@example.test' });
  await createBilledCompany(t.db, {
    company: { name: 'ООО «Истра-Агро»' },
    points: COMPANY_POINTS.map((p, i) => ({ ...p, number: `7002000${i + 1}` })),
    periods: BILLED,
    user: { email: 'company@example.test' },
  });
  const household = async (
    number: string,
    email: string,
    account: NonNullable<Parameters<typeof createMeteredAccount>[1]>,
    unpaid: string[],
  ) => {
    const created = await createMeteredAccount(t.db, {
      ...account,
      account: { number, contractStart: '2025-10-01', ...account.account },
      meter: { installedAt: '2025-10-01', ...account.meter },
    });
    await createSubscriber(t.db, created.accountId, { email });
    return { ...created, unpaid };
  };
  const households = [
    await household(
      '50010001',
      'ivanova@example.test',
      { registers: monthly({ all_day: 12_000 }, { all_day: 180 }, 13) },
      [],
    ),
    // Petrov read until August: September and October are billed by the average, and he has not paid them.
    await household(
      '50010002',
      'petrov@example.test',
      {
        account: {
          holderName: 'Петров Алексей Сергеевич',
          settlement: 'д. Лешково',
          street: 'ул. Лесная',
          house: '7',
          flat: null,
          postcode: '143581',
          residents: 4,
        },
        meter: { serialNumber: '009217056004185', zonePlan: 2 },
        registers: monthly({ day: 30_000, night: 11_000 }, { day: 230, night: 110 }, 11),
      },
      ['2026-09-01', '2026-10-01'],
    ),
    await household(
      '50010003',
      'sidorova@example.test',
      { registers: monthly({ all_day: 3_000 }, { all_day: 150 }, 13) },
      ['2026-10-01'],
    ),
  ];
  for (const period of BILLED) {
    await billPeriod(period);
    for (const h of households) {
      if (h.unpaid.includes(period)) continue;
      const bill = await billRow(t.db, h.accountId, period);
      await createPaidPayment(t.db, h.accountId, bill.amountKopecks, new Date(`${bill.dueDate}T06:00:00Z`));
    }
  }
});

async function billOf(accountNumber: string, period: string) {
  const [row] = await t.db
    .select({ id: bills.id, amountKopecks: bills.amountKopecks, receiptNumber: bills.receiptNumber })
    .from(bills)
    .innerJoin(accounts, eq(accounts.id, bills.accountId))
    .where(and(eq(accounts.number, accountNumber), eq(bills.period, period)));
  return row!;
}

async function balanceOf(accountNumber: string): Promise<number> {
  const rows = await t.db
    .select({ amount: ledgerEntries.amountKopecks })
    .from(ledgerEntries)
    .innerJoin(accounts, eq(accounts.id, ledgerEntries.accountId))
    .where(eq(accounts.number, accountNumber));
  return rows.reduce((sum, r) => sum + r.amount, 0);
}

async function signIn(user: SessionUser | null) {
  await signInAs(user);
}

function requestReceipt(id: string) {
  return getReceipt(new Request(`http://test.local/fiz/bills/${encodeURIComponent(id)}/receipt`), {
    params: Promise.resolve({ id }),
  });
}

// ─── The tests ──────────────────────────────────────────────────────────────

describe('listBills', () => {
  it('Petrov: his 12 bills, newest first; September and October unpaid and overdue, the rest paid', async () => {
    const list = await listBills(await sessionUser(t.db, 'petrov@example.test'), now);
    expect(list.map((b) => b.period)).toEqual(PERIODS_NEWEST_FIRST);
    expect(new Set(list.map((b) => b.accountNumber))).toEqual(new Set(['50010002']));
    expect(list[0]!.receiptNumber).toBe('R-202610-50010002');
    expect(list.map((b) => b.status)).toEqual(['unpaid', 'unpaid', ...Array(10).fill('paid')]);
    // Both unpaid bills are past their due date (10 October, 10 November) on 22 November.
    expect(list.map((b) => b.overdue)).toEqual([true, true, ...Array(10).fill(false)]);
    // What is owed on the bills is exactly the ledger's balance.
    const owed = list.reduce((sum, b) => sum + b.outstandingKopecks, 0);
    expect(owed).toBe(await balanceOf('50010002'));
    expect(owed).toBe(list[0]!.amountKopecks + list[1]!.amountKopecks);
    for (const b of list) expect(b.dueDate > b.period).toBe(true);
  });

  it('Ivanova: 12 bills, every one paid, nothing owed', async () => {
    const list = await listBills(await sessionUser(t.db, 'ivanova@example.test'), now);
    expect(list).toHaveLength(12);
    expect(
      list.every(
        (b) => b.accountNumber === '50010001' && b.status === 'paid' && b.outstandingKopecks === 0 && !b.overdue,
      ),
    ).toBe(true);
    expect(await balanceOf('50010001')).toBe(0);
  });

  it('Sidorova owes October only; a company user sees the company’s 3 accounts; staff see none', async () => {
    const sidorova = await listBills(await sessionUser(t.db, 'sidorova@example.test'), now);
    expect(sidorova.filter((b) => b.status !== 'paid').map((b) => b.period)).toEqual(['2026-10-01']);
    const company = await listBills(await sessionUser(t.db, 'company@example.test'), now);
    expect(company).toHaveLength(36);
    expect(new Set(company.map((b) => b.accountNumber))).toEqual(new Set(['70020001', '70020002', '70020003']));
    // Newest first across accounts, then by account number.
    expect(company.slice(0, 3).map((b) => `${b.period}/${b.accountNumber}`)).toEqual([
      '2026-10-01/70020001',
      '2026-10-01/70020002',
      '2026-10-01/70020003',
    ]);
    expect(await listBills(await sessionUser(t.db, 'operator@example.test'), now)).toEqual([]);
  });
});

describe('billDetail', () => {
  it("Petrov's October bill: lines by meter and zone (estimated by the average), the total, the payee, the QR string", async () => {
    const petrov = await sessionUser(t.db, 'petrov@example.test');
    const october = await billOf('50010002', '2026-10-01');
    const detail = (await billDetail(petrov, october.id, now))!;

    expect(detail.bill).toMatchObject({
      id: october.id,
      receiptNumber: 'R-202610-50010002',
      period: '2026-10-01',
      status: 'unpaid',
      dueDate: '2026-11-10',
    });
    expect(detail.account).toMatchObject({
      number: '50010002',
      holderName: 'Петров Алексей Сергеевич',
      address: 'д. Лешково, ул. Лесная, д. 7',
      postcode: '143581',
    });
    expect(detail.utility).toMatchObject({
      inn: '5017012349',
      kpp: '501701001',
      bic: '044525225',
      settlementAccount: '40702810640000012345',
      correspondentAccount: '30101810400000000225',
      bankName: 'ПАО Сбербанк',
    });

    expect(detail.groups).toHaveLength(1);
    const [group] = detail.groups;
    expect(group!.meter).toMatchObject({ serialNumber: '009217056004185', zonePlan: 2 });
    // Day before night; every line by the average (no readings for October).
    const zones = group!.lines.map((l) => l.zone);
    expect(zones[0]).toBe('day');
    expect(zones.at(-1)).toBe('night');
    expect(zones.indexOf('night')).toBeGreaterThan(zones.lastIndexOf('day'));
    expect(group!.lines.every((l) => l.kind === 'consumption' && l.method === 'average' && l.priceKopecks! > 0)).toBe(
      true,
    );
    for (const l of group!.lines) expect(l.amountKopecks).toBe(l.kwh! * l.priceKopecks!);
    expect(group!.amountKopecks).toBe(october.amountKopecks);
    expect(detail.linesTotalKopecks).toBe(october.amountKopecks);
    expect(detail.balanceKopecks).toBe(await balanceOf('50010002'));

    const qr = parseGostPayload(detail.qrPayload!);
    expect(qr.get('Sum')).toBe(String(october.amountKopecks));
    expect(qr.get('PersAcc')).toBe('50010002');
    expect(qr.get('PaymPeriod')).toBe('102026');
    expect(qr.get('QuittId')).toBe('R-202610-50010002');
    expect(qr.get('PersonalAcc')).toBe('40702810640000012345');
    expect(qr.get('Name')).toBe('МУП «Объединение Истринские электросети»');
    expect(qr.get('LastName')).toBe('Петров');
  });

  it('another user’s bill, an unknown id and a malformed id are all simply not found', async () => {
    const ivanova = await sessionUser(t.db, 'ivanova@example.test');
    const petrovsBill = await billOf('50010002', '2026-10-01');
    expect(await billDetail(ivanova, petrovsBill.id, now)).toBeNull();
    expect(await billDetail(await sessionUser(t.db, 'company@example.test'), petrovsBill.id, now)).toBeNull();
    expect(await billDetail(await sessionUser(t.db, 'operator@example.test'), petrovsBill.id, now)).toBeNull();
    expect(await billDetail(ivanova, '00000000-0000-4000-8000-000000000000', now)).toBeNull();
    for (const junk of ['', 'abc', `${petrovsBill.id}x`, "1' or '1'='1", '../receipt'])
      expect(await billDetail(ivanova, junk, now)).toBeNull();
    // Her own is there.
    const own = await billOf('50010001', '2026-10-01');
    expect((await billDetail(ivanova, own.id, now))!.bill.status).toBe('paid');
  });
});

describe('the PDF receipt', () => {
  it('is a one-page A4 PDF in DejaVu Sans whose text reads back: payee, payer, period, receipt number, lines, total, QR caption', async () => {
    const petrov = await sessionUser(t.db, 'petrov@example.test');
    const october = await billOf('50010002', '2026-10-01');
    const detail = (await billDetail(petrov, october.id, now))!;
    const started = performance.now();
    const pdf = await renderReceiptPdf(detail, { now });
    const elapsed = performance.now() - started;

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    expect(pdf.length).toBeLessThan(300 * 1024);
    expect(elapsed).toBeLessThan(5_000);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    // No built-in PDF font (they have no Cyrillic) ever gets in.
    expect(pdf.toString('latin1')).not.toMatch(/Helvetica|Times-Roman|Courier/);

    const { text, pages, fonts } = pdfText(pdf);
    expect(pages).toBe(1);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => /\+DejaVuSans(-Bold)?$/.test(f))).toBe(true);
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'Квитанция № R-202610-50010002',
      'октябрь 2026',
      'МУП «Объединение Истринские электросети»',
      '5017012349 / 501701001',
      'ПАО Сбербанк',
      '044525225',
      '30101810400000000225',
      '40702810640000012345',
      'Петров Алексей Сергеевич',
      '143581, д. Лешково, ул. Лесная, д. 7',
      '50010002',
      'Оплатить до',
      '10.11.2026',
      'Счётчик № 009217056004185',
      'День (T1)',
      'Ночь (T2)',
      'по среднему',
      'Тариф, ₽/кВт·ч',
      'Отсканируйте в приложении банка',
    ]) {
      expect(flat).toContain(expected);
    }
    // (`flat` has every space, the no-break ones too, as a plain space.)
    expect(flat).toContain(`Итого к оплате: ${formatRub(october.amountKopecks)}`.replace(/\s+/g, ' '));
    expect(flat).not.toContain('\ufffd');
    expect(receiptFileName(october.receiptNumber)).toBe('kvitanciya-R-202610-50010002.pdf');
  });
});

describe('GET /fiz/bills/[id]/receipt', () => {
  it('the owner gets the PDF inline with the receipt number in its file name', async () => {
    const october = await billOf('50010002', '2026-10-01');
    await signIn(await sessionUser(t.db, 'petrov@example.test'));
    const response = await requestReceipt(october.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="kvitanciya-R-202610-50010002.pdf"');
    expect(response.headers.get('cache-control')).toContain('no-store');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
  });

  it('anyone else gets a 404: another subscriber, a company user, staff, an unknown or malformed id', async () => {
    const petrovsBill = await billOf('50010002', '2026-10-01');
    for (const email of ['ivanova@example.test', 'company@example.test', 'operator@example.test']) {
      await signIn(await sessionUser(t.db, email));
      const response = await requestReceipt(petrovsBill.id);
      expect(response.status, email).toBe(404);
      expect(response.headers.get('content-type')).toContain('text/plain');
    }
    await signIn(await sessionUser(t.db, 'petrov@example.test'));
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '%2e%2e', `${petrovsBill.id}0`]) {
      expect((await requestReceipt(id)).status, id).toBe(404);
    }
  });

  it('without a session: to the login page, and back to the receipt after it', async () => {
    const october = await billOf('50010002', '2026-10-01');
    await signIn(null);
    const response = await requestReceipt(october.id);
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(
      `/fiz/login?next=${encodeURIComponent(`/fiz/bills/${october.id}/receipt`)}`,
    );
  });
});
