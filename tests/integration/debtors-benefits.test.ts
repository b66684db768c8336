import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  accountBenefits,
  accountUsers,
  auditLog,
  bills,
  debtNotices,
  emailOutbox,
  ledgerEntries,
  notificationPreferences,
  notifications,
  payments,
  users,
} from '@/db/schema';
import type { Db } from '@/db/client';
import { seedTariffs } from '@/db/seed/tariffs';
import { parseDebtorFilter } from '@/lib/debtors/debtor-filter';
import { debtorOf, listDebtors } from '@/lib/debtors/debtors';
import { debtorsFile } from '@/lib/debtors/debtors-export';
import { accruedPenaltiesFromLedger } from '@/lib/debtors/penalties';
import { noticeFile, noticesForUser, sendDebtNotice } from '@/lib/debtors/notices';
import { accountBenefitSchema, benefitCategorySchema } from '@/lib/benefits/benefit-schema';
import { benefitsOfAccount, saveAccountBenefit, saveBenefitCategory } from '@/lib/benefits/benefits';
import { benefitsFile } from '@/lib/benefits/benefits-export';
import { checkUpload } from '@/lib/files/check-upload';
import {
  createAccount,
  createHousehold,
  createSubscriber,
  createUser,
  createUtilityProfile,
  sessionUser,
} from '../support/factories';
import { pdfText } from '../support/pdf-text';
import { dbErrorOf, useTestDatabase } from '../support/test-db';
import { signInAs } from '../support/signed-in-browser';

vi.mock('@/auth', () => import('../support/signed-in-browser').then((m) => m.authModule()));
vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));
process.env.AUTH_SECRET ??= 'integration-test-secret-debtors';

const { GET: exportDebtors } = await import('@/app/admin/(console)/debtors/export/route');
const { GET: exportBenefits } = await import('@/app/admin/(console)/benefits/export/route');
const { GET: subscriberNotice } = await import('@/app/fiz/(cabinet)/notices/[id]/route');

// Debtors and beneficiaries against a real database, on accounts built here by hand in a settlement
// of their own (the two households elsewhere only sign in).

const now = new Date('2026-11-20T09:00:00Z');
const today = '2026-11-20';
const t = useTestDatabase();

beforeAll(async () => {
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db);
  await createUser(t.db, { email: 'operator@example.test', fullName: 'Смирнова Елена Андреевна' });
  await createHousehold(t.db, { user: { email: 'ivanova@example.test' } });
  await createHousehold(t.db, { user: { email: 'sidorova@example.test' } });
});
const SETTLEMENT = 'д. Проверочная';

let receipt = 0;
async function bill(db: Db, accountId: string, period: string, amount: number, dueDate: string) {
  receipt++;
  const [row] = await db
    .insert(bills)
    .values({
      accountId,
      period,
      amountKopecks: amount,
      dueDate,
      receiptNumber: `T-${receipt}-${accountId.slice(0, 8)}`,
    })
    .returning();
  await db.insert(ledgerEntries).values({
    accountId,
    kind: 'charge',
    amountKopecks: amount,
    billId: row!.id,
    description: 'Начисление',
    postedAt: new Date(`${period}T12:00:00Z`),
  });
}

async function pay(db: Db, accountId: string, amount: number, at: string) {
  const [p] = await db
    .insert(payments)
    .values({
      accountId,
      amountKopecks: amount,
      status: 'paid',
      gateway: 'robokassa',
      description: 'Оплата',
      paidAt: new Date(at),
    })
    .returning();
  await db.insert(ledgerEntries).values({
    accountId,
    kind: 'payment',
    amountKopecks: -amount,
    paymentId: p!.id,
    description: 'Оплата',
    postedAt: new Date(at),
  });
}

async function debtorsFixture(db: Db) {
  const older = await createAccount(db, { settlement: SETTLEMENT, tariffCategory: 'urban', residents: 1 });
  await bill(db, older.id, '2026-07-01', 100_000, '2026-08-10');
  await bill(db, older.id, '2026-08-01', 120_000, '2026-09-10');
  await bill(db, older.id, '2026-09-01', 90_000, '2026-10-10');
  await bill(db, older.id, '2026-10-01', 80_000, '2026-11-25'); // not yet due
  await pay(db, older.id, 130_000, '2026-09-05T10:00:00Z');
  await db
    .insert(ledgerEntries)
    .values({ accountId: older.id, kind: 'penalty', amountKopecks: 1_500, description: 'Пени' });

  const larger = await createAccount(db, { settlement: SETTLEMENT, tariffCategory: 'urban', residents: 1 });
  await bill(db, larger.id, '2026-09-01', 300_000, '2026-10-10');

  const settled = await createAccount(db, { settlement: SETTLEMENT });
  await bill(db, settled.id, '2026-09-01', 50_000, '2026-10-10');
  await pay(db, settled.id, 50_000, '2026-10-01T10:00:00Z');
  return { older, larger, settled };
}

describe('debtors', () => {
  it('finds overdue debts by amount, age and settlement, with the debt by period, the last payment and penalties', async () => {
    const { older, larger } = await debtorsFixture(t.db);
    const all = await listDebtors(parseDebtorFilter({ settlement: SETTLEMENT }), { today });
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => r.number)).toEqual([larger.number, older.number]);

    const o = all.rows[1]!;
    // Balance 390 000 − 130 000 + 1 500; the October bill is not due yet; the rest is laid newest first.
    expect(o.balanceKopecks).toBe(261_500);
    expect(o.overdueKopecks).toBe(181_500);
    expect(o.periods).toEqual([
      { period: '2026-08-01', dueDate: '2026-09-10', owedKopecks: 91_500 },
      { period: '2026-09-01', dueDate: '2026-10-10', owedKopecks: 90_000 },
    ]);
    expect(o.daysOverdue).toBe(71);
    expect(o.penaltiesKopecks).toBe(1_500);
    expect(o.lastPayment).toEqual({ at: new Date('2026-09-05T10:00:00Z'), amountKopecks: 130_000 });
    // Two months by the norm: 2 × 100 kWh × 9,79 ₽ (urban tariff in force).
    expect(o.thresholdKopecks).toBe(195_800);

    const byAmount = await listDebtors(parseDebtorFilter({ settlement: SETTLEMENT, min: '2000' }), { today });
    expect(byAmount.rows.map((r) => r.number)).toEqual([larger.number]);
    const byAge = await listDebtors(parseDebtorFilter({ settlement: SETTLEMENT, days: '60' }), { today });
    expect(byAge.rows.map((r) => r.number)).toEqual([older.number]);
    const paged = await listDebtors(parseDebtorFilter({ settlement: SETTLEMENT }), { today, page: 2, pageSize: 1 });
    expect(paged.rows.map((r) => r.number)).toEqual([older.number]);
    expect(paged.total).toBe(2);
    expect(await accruedPenaltiesFromLedger([larger.id])).toEqual(new Map([[larger.id, 0]]));
  });

  it('exports the filtered list as CSV and XLSX', async () => {
    const filter = parseDebtorFilter({ settlement: SETTLEMENT });
    const csv = new TextDecoder().decode((await debtorsFile(filter, 'csv', today)).file.body);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Просрочено, ₽');
    expect(lines[2]).toContain('1815');
    expect(lines[2]).toContain('август 2026: 915,00; сентябрь 2026: 900,00');

    const { file, rows } = await debtorsFile(filter, 'xlsx', today);
    expect(rows).toBe(2);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.body) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Лицевой счёт');
    expect(sheet.getRow(3).getCell(5).value).toBe(1815);
    expect(sheet.getRow(3).getCell(9).value).toBe(15);
  });

  it('sends a debt notice: a warning above the threshold, recorded, in the outbox, readable only by its subscriber', async () => {
    const staff = await sessionUser(t.db, 'operator@example.test');
    const { rows } = await listDebtors(parseDebtorFilter({ settlement: SETTLEMENT }), { today });
    const larger = rows[0]!;
    await createSubscriber(t.db, larger.accountId, {
      email: 'debtor-owner@example.com',
      fullName: 'Должников Иван',
    });

    const sent = await sendDebtNotice(staff, larger.accountId, now);
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.kind).toBe('warning');
    expect(sent.payBy).toBe('2026-12-10');
    const [notice] = await t.db.select().from(debtNotices).where(eq(debtNotices.id, sent.noticeId));
    expect(notice).toMatchObject({
      debtKopecks: 300_000,
      deliveredOn: today,
      payBy: '2026-12-10',
      createdBy: staff.id,
    });
    const letters = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'debtor-owner@example.com'));
    expect(letters).toHaveLength(1);
    expect(letters[0]!.subject).toBe(`Предупреждение о задолженности по лицевому счёту ${larger.number}`);
    expect(letters[0]!.text).toContain('до 10.12.2026');
    const [line] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'debt_notice.sent'), eq(auditLog.subjectId, larger.accountId)));
    expect(line?.actorUserId).toBe(staff.id);

    const mine = await sessionUser(t.db, 'debtor-owner@example.com');
    expect((await noticesForUser(mine)).map((n) => n.id)).toEqual([sent.noticeId]);
    const pdf = await noticeFile(mine, sent.noticeId, false);
    const { text } = pdfText(Buffer.from(pdf!.bytes));
    expect(text).toContain('Предупреждение (уведомление) о задолженности');
    expect(text).toContain(larger.number);
    expect(text.replace(/\s/g, ' ')).toContain('не позднее 10.12.2026');
    expect(text.replace(/\s/g, ' ')).toContain('3 000,00 ₽');

    const stranger = await sessionUser(t.db, 'ivanova@example.test');
    expect(await noticeFile(stranger, sent.noticeId, false)).toBeNull();
    expect(await noticesForUser(stranger)).toEqual([]);

    const again = await sendDebtNotice(staff, larger.accountId, now);
    expect(again).toMatchObject({ ok: false, message: 'Этому абоненту уже направлено уведомление сегодня.' });
  });

  it('writes a reminder, not a warning, below two months of normative charges, and refuses an account without debt', async () => {
    const staff = await sessionUser(t.db, 'operator@example.test');
    const { rows } = await listDebtors(parseDebtorFilter({ settlement: SETTLEMENT, days: '60' }), { today });
    const older = rows[0]!;
    const owner = await createSubscriber(t.db, older.accountId, {
      email: 'reminded@example.com',
      phone: '+79005556677',
    });
    // She asked for SMS about debt notices as well.
    await t.db
      .insert(notificationPreferences)
      .values({ userId: owner.id, event: 'debt_notice', channel: 'sms', enabled: true });
    const sent = await sendDebtNotice(staff, older.accountId, now);
    expect(sent.ok && sent.kind).toBe('reminder');
    const texts = await t.db.select().from(notifications).where(eq(notifications.userId, owner.id));
    expect(texts.map((n) => [n.event, n.channel, n.address])).toEqual([['debt_notice', 'sms', '+79005556677']]);
    expect(texts[0]!.body).toContain(`задолженность по лицевому счёту ${older.number}`);

    const clean = await createAccount(t.db, { settlement: SETTLEMENT });
    expect(await debtorOf(clean.id, today)).toBeNull();
    expect((await sendDebtNotice(staff, clean.id, now)).ok).toBe(false);
  });
});

describe('beneficiaries', () => {
  it('keeps categories and benefits, refuses overlaps and reversed periods, marks expiring ones and exports them', async () => {
    const staff = await sessionUser(t.db, 'operator@example.test');
    const category = benefitCategorySchema.parse({ code: 'TEST-1', name: 'Проверочная категория', discount: '50 %' });
    expect((await saveBenefitCategory(staff, category)).ok).toBe(true);
    const account = await createAccount(t.db, { settlement: SETTLEMENT });
    const input = accountBenefitSchema.parse({
      account: account.number,
      category: 'TEST-1',
      basis: 'Удостоверение № 123',
      validFrom: '2026-01-01',
      validTo: '2026-12-10',
    });
    expect((await saveAccountBenefit(staff, input, null)).ok).toBe(true);

    const overlap = await saveAccountBenefit(staff, { ...input, validFrom: '2026-12-01', validTo: undefined }, null);
    expect(overlap.ok).toBe(false);
    expect(!overlap.ok && overlap.fieldErrors.validFrom).toBe('Срок пересекается с уже записанной льготой');
    expect(accountBenefitSchema.safeParse({ ...input, validTo: '2025-12-31' }).success).toBe(false);

    const reversed = await t.db
      .insert(accountBenefits)
      .values({ accountId: account.id, category: 'TEST-1', basis: 'x', validFrom: '2027-02-01', validTo: '2027-01-01' })
      .catch((e: unknown) => e);
    expect(dbErrorOf(reversed).constraint).toBe('account_benefits_period');
    const twice = await t.db
      .insert(accountBenefits)
      .values({ accountId: account.id, category: 'TEST-1', basis: 'x', validFrom: '2026-06-01', validTo: '2026-06-30' })
      .catch((e: unknown) => e);
    expect(dbErrorOf(twice).constraint).toBe('account_benefits_no_overlap');
    // After the first ends, a new period of the same category is fine.
    expect((await saveAccountBenefit(staff, { ...input, validFrom: '2026-12-11', validTo: undefined }, null)).ok).toBe(
      true,
    );

    // The scan is checked by its bytes: a text file named .pdf is refused, a PNG is kept.
    const rule = { accept: ['application/pdf', 'image/jpeg', 'image/png'] as const, maxBytes: 1024 };
    const fake = await checkUpload(new File(['not a pdf'], 'udostoverenie.pdf'), { ...rule, accept: [...rule.accept] });
    expect(fake.ok).toBe(false);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    const scan = await checkUpload(new File([png], 'scan.png'), { ...rule, accept: [...rule.accept] });
    expect(scan.ok).toBe(true);
    const other = benefitCategorySchema.parse({ code: 'TEST-2', name: 'Вторая категория', discount: '30 %' });
    expect((await saveBenefitCategory(staff, other)).ok).toBe(true);
    const withScan = await saveAccountBenefit(
      staff,
      { ...input, category: 'TEST-2', validFrom: '2026-06-01', validTo: undefined },
      scan.ok ? scan.file : null,
    );
    expect(withScan.ok).toBe(true);

    const own = await benefitsOfAccount([account.id], today);
    expect(own.map((b) => [b.categoryCode, b.validFrom, b.state, b.hasDocument])).toEqual([
      ['TEST-1', '2026-01-01', 'expiring', false],
      ['TEST-1', '2026-12-11', 'future', false],
      ['TEST-2', '2026-06-01', 'active', true],
    ]);
    const saved = await t.db.select().from(auditLog).where(eq(auditLog.action, 'benefit.saved'));
    expect(saved.filter((r) => r.subjectId === account.id)).toHaveLength(3);
    const csv = new TextDecoder().decode((await benefitsFile('csv', today)).file.body);
    expect(csv).toContain(`${account.number};${account.holderName};`);
    expect(csv).toContain('TEST-1;Проверочная категория;Удостоверение № 123;01.01.2026;10.12.2026;истекает');
  });
});

describe('routes', () => {
  const signIn = async (email: string | null) => {
    await signInAs(email ? await sessionUser(t.db, email) : null);
  };

  it('exports the debtors and the beneficiaries to staff only, each download audited', async () => {
    await signIn('ivanova@example.test');
    const refused = await exportDebtors(new Request('http://test.local/admin/debtors/export'), {
      params: Promise.resolve({}),
    });
    expect(refused.status).toBe(403);

    await signIn('operator@example.test');
    const query = new URLSearchParams({ settlement: SETTLEMENT, format: 'csv' });
    const csv = await exportDebtors(new Request(`http://test.local/admin/debtors/export?${query}`), {
      params: Promise.resolve({}),
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('Лицевой счёт;Абонент');
    const xlsx = await exportBenefits(new Request('http://test.local/admin/benefits/export?format=xlsx'), {
      params: Promise.resolve({}),
    });
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const actions = (await t.db.select().from(auditLog)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['debtors.exported', 'benefits.exported']));
  });

  it('gives a notice PDF to its subscriber and a 404 to anyone else', async () => {
    const [notice] = await t.db.select().from(debtNotices).limit(1);
    const [owner] = await t.db
      .select({ userId: accountUsers.userId })
      .from(accountUsers)
      .where(eq(accountUsers.accountId, notice!.accountId));
    const [ownerRow] = await t.db.select().from(users).where(eq(users.id, owner!.userId));
    const get = () =>
      subscriberNotice(new Request(`http://test.local/fiz/notices/${notice!.id}`), {
        params: Promise.resolve({ id: notice!.id }),
      });
    await signIn(ownerRow!.email);
    const mine = await get();
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    await signIn('sidorova@example.test');
    expect((await get()).status).toBe(404);
    await signIn('operator@example.test');
    expect((await get()).status).toBe(404);
  });
});
