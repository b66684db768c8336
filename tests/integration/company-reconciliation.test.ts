// The акт сверки of a company with three metering points billed and paid from May to October 2026,
// the second leaving October unpaid: opening + charges − payments =
// closing, each equal to the ledger to the kopeck, for one account and for all; the period's edges
// are Moscow midnights; a bad period is refused in Russian; the PDF and XLSX carry the same totals
// (the XLSX as numbers); and only the company's owner and accountant get their own company's act.
import ExcelJS from 'exceljs';
import { and, gte, inArray, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ledgerEntries } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import type { SessionUser } from '@/lib/auth/session';
import { companyReconciliation } from '@/lib/company/reconciliation';
import { reconciliationRange } from '@/lib/company/reconciliation-range';
import { pdfText } from '../support/pdf-text';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';
import {
  createAccount,
  createBilledCompany,
  createCompanyMember,
  createCompanyUser,
  createHousehold,
  createUtilityProfile,
} from '../support/factories';
import { signInAs } from '../support/signed-in-browser';

vi.mock('@/auth', () => import('../support/signed-in-browser').then((m) => m.authModule()));

const { GET: getPdf } = await import('@/app/lk/(cabinet)/reconciliation/pdf/route');
const { GET: getXlsx } = await import('@/app/lk/(cabinet)/reconciliation/xlsx/route');

const now = new Date('2026-11-22T10:00:00Z');
let t: TestDatabase;
let restore: () => void;
let accountant: SessionUser;
let owner: SessionUser;
let engineer: SessionUser;
let household: SessionUser;
let companyAccountIds: string[];

/** The ledger's own sum over the accounts, in [from, to) instants. */
async function ledgerSum(ids: string[], from: Date | null, to: Date): Promise<number> {
  const [row] = await t.db
    .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(ledgerEntries)
    .where(
      and(
        inArray(ledgerEntries.accountId, ids),
        from ? gte(ledgerEntries.postedAt, from) : undefined,
        lt(ledgerEntries.postedAt, to),
      ),
    );
  return row!.sum;
}

function range(params: Record<string, string>) {
  const checked = reconciliationRange(params, now);
  if (!checked.ok) throw new Error(checked.message);
  return checked.range;
}

const url = (path: string, params: Record<string, string>) =>
  new Request(`http://test.local${path}?${new URLSearchParams(params)}`);
const flat = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
const rub = (kopecks: number) =>
  new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2 }).format(kopecks / 100).replace(/\u00a0/g, ' ');

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db);
  const company = await createBilledCompany(t.db, {
    company: { name: 'ООО «Истра-Агро»', inn: '5017045672', kpp: '501701001' },
    periods: ['2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01'],
    unpaid: [[1, '2026-10-01']],
  });
  owner = company.owner;
  companyAccountIds = company.accounts.map((a) => a.accountId);
  accountant = await createCompanyMember(t.db, company.companyId, 'accountant');
  engineer = await createCompanyMember(t.db, company.companyId, 'engineer');
  household = (await createHousehold(t.db)).user;
  // An adjustment half an hour after Moscow midnight of 1 November (still 31 October in UTC).
  await t.db.insert(ledgerEntries).values({
    accountId: companyAccountIds[0]!,
    kind: 'adjustment',
    amountKopecks: -12_345,
    description: 'Перерасчёт по акту проверки прибора учёта',
    postedAt: new Date('2026-10-31T21:30:00Z'),
  });
});

afterAll(async () => {
  restore?.();
  await t?.drop();
});

describe('the act equals the ledger', () => {
  it('for all accounts and for each: opening + charges − payments = closing, to the kopeck', async () => {
    const from = '2026-06-01';
    const to = '2026-11-22';
    const start = new Date('2026-05-31T21:00:00Z');
    const end = new Date('2026-11-22T21:00:00Z');
    for (const account of ['all', ...companyAccountIds]) {
      const act = (await companyReconciliation(accountant, range({ account, from, to })))!;
      const ids = account === 'all' ? companyAccountIds : [account];
      expect(act.openingKopecks).toBe(await ledgerSum(ids, null, start));
      expect(act.closingKopecks).toBe(await ledgerSum(ids, null, end));
      expect(act.openingKopecks + act.debitKopecks - act.creditKopecks).toBe(act.closingKopecks);
      expect(act.debitKopecks - act.creditKopecks).toBe(await ledgerSum(ids, start, end));
      const [{ n }] = (await t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(ledgerEntries)
        .where(
          and(
            inArray(ledgerEntries.accountId, ids),
            gte(ledgerEntries.postedAt, start),
            lt(ledgerEntries.postedAt, end),
          ),
        )) as [{ n: number }];
      expect(act.lines).toHaveLength(n);
      expect(act.debitKopecks).toBeGreaterThan(0);
      expect(act.creditKopecks).toBeGreaterThan(0);
    }
    const all = (await companyReconciliation(accountant, range({ account: 'all', from, to })))!;
    expect(all.lines.some((l) => /^Счёт № .+ за /.test(l.document))).toBe(true);
    expect(all.lines.some((l) => /^Оплата, платёж № \d+/.test(l.document))).toBe(true);
    // Lines in the order they were posted.
    expect(all.lines.map((l) => l.day)).toEqual([...all.lines.map((l) => l.day)].sort());
  });

  it('cuts the period at Moscow midnight', async () => {
    const account = companyAccountIds[0]!;
    const november = (await companyReconciliation(
      accountant,
      range({ account, from: '2026-11-01', to: '2026-11-22' }),
    ))!;
    const adjustment = november.lines.find((l) => l.document.startsWith('Корректировка'));
    expect(adjustment).toMatchObject({ day: '2026-11-01', creditKopecks: 12_345, debitKopecks: 0 });
    const october = (await companyReconciliation(
      accountant,
      range({ account, from: '2026-10-01', to: '2026-10-31' }),
    ))!;
    expect(october.lines.some((l) => l.document.startsWith('Корректировка'))).toBe(false);
    expect(october.closingKopecks).toBe(november.openingKopecks);
  });

  it('refuses a period that is reversed, in the future, too long or not a date, in Russian', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ from: '2026-11-10', to: '2026-11-01' }, /позже даты его конца/],
      [{ from: '2026-11-01', to: '2026-11-23' }, /ещё не наступил/],
      [{ from: '2023-01-01', to: '2026-11-01' }, /не больше 3 лет/],
      [{ from: '01.11.2026', to: '2026-11-10' }, /дату начала/],
      [{ from: '2026-02-30', to: '2026-11-10' }, /дату начала/],
      [{ account: 'x', from: '2026-11-01', to: '2026-11-10' }, /лицевой счёт/],
      [{ to: '2026-11-10' }, /дату начала/],
      [{ account: '', from: '2026-11-01' }, /лицевой счёт|дату конца/],
    ];
    for (const [params, message] of cases) {
      const checked = reconciliationRange(params, now);
      expect(checked.ok, JSON.stringify(params)).toBe(false);
      if (!checked.ok) expect(checked.message).toMatch(message);
    }
  });
});

describe('the PDF and the XLSX', () => {
  const params = { account: 'all', from: '2026-06-01', to: '2026-11-22' };

  it('carry the same totals, with both parties and two signature blocks; the XLSX amounts are numbers', async () => {
    const act = (await companyReconciliation(accountant, range(params)))!;
    await signInAs(accountant);

    const pdf = await getPdf(url('/lk/reconciliation/pdf', params), {} as never);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = flat(pdfText(Buffer.from(await pdf.arrayBuffer())).text);
    expect(text).toContain('Акт сверки взаимных расчётов');
    expect(text).toContain('за период с 01.06.2026 по 22.11.2026');
    expect(text).toContain('ИНН 5017045672');
    expect(text).toContain(`Обороты за период ${rub(act.debitKopecks)} ${rub(act.creditKopecks)}`);
    expect(text).toContain(`Сальдо на 22.11.2026 ${rub(act.closingKopecks)}`);
    expect(text).toContain('От поставщика');
    expect(text).toContain('От покупателя');

    const xlsx = await getXlsx(url('/lk/reconciliation/xlsx', params), {} as never);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const rowOf = (label: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (String(row.getCell(2).value ?? '').startsWith(label)) found = row;
      });
      return found!;
    };
    const turnover = rowOf('Обороты за период');
    expect(turnover.getCell(4).value).toBe(act.debitKopecks / 100);
    expect(turnover.getCell(5).value).toBe(act.creditKopecks / 100);
    expect(turnover.getCell(4).numFmt).toContain('0.00');
    expect(rowOf('Сальдо на 01.06.2026').getCell(4).value).toBe(act.openingKopecks / 100);
    expect(rowOf('Сальдо на 22.11.2026').getCell(4).value).toBe(act.closingKopecks / 100);
    // Every line's amounts are numbers, and they add up to the turnovers to the kopeck.
    let debit = 0;
    let lines = 0;
    sheet.eachRow((row) => {
      if (row.getCell(1).value instanceof Date) {
        lines += 1;
        const value = row.getCell(4).value;
        if (value !== null) {
          expect(typeof value).toBe('number');
          debit += Math.round((value as number) * 100);
        }
      }
    });
    expect(lines).toBe(act.lines.length);
    expect(debit).toBe(act.debitKopecks);

    const bad = await getPdf(url('/lk/reconciliation/pdf', { ...params, from: '2026-12-01' }), {} as never);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/позже даты его конца/);
  });
});

describe('roles and companies', () => {
  it('gives the act to the owner and the accountant of the company only', async () => {
    const other = await createCompanyUser(t.db, { company: { name: 'ООО «Соседи»' } });
    const foreign = await createAccount(t.db, {
      kind: 'company',
      holderName: 'ООО «Соседи»',
      companyId: other.companyId,
    });
    const params = { account: foreign.id, from: '2026-06-01', to: '2026-11-22' };
    expect(await companyReconciliation(accountant, range(params))).toBeNull();
    await signInAs(accountant);
    expect((await getPdf(url('/lk/reconciliation/pdf', params), {} as never)).status).toBe(404);
    expect((await getXlsx(url('/lk/reconciliation/xlsx', params), {} as never)).status).toBe(404);

    const own = { account: companyAccountIds[1]!, from: '2026-06-01', to: '2026-11-22' };
    await signInAs(owner);
    expect((await getXlsx(url('/lk/reconciliation/xlsx', own), {} as never)).status).toBe(200);
    for (const [who, user] of [
      ['engineer', engineer],
      ['household', household],
    ] as const) {
      await signInAs(user);
      expect((await getPdf(url('/lk/reconciliation/pdf', own), {} as never)).status, who).toBe(404);
    }
    await signInAs(null);
    const anonymous = await getPdf(url('/lk/reconciliation/pdf', own), {} as never);
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get('location')).toMatch(/^\/lk\/login/);
  });
});
