// The staff accounts registry on the demo data seeded as of 20 November 2026: the one search box by
// each key, the account card for staff only, contact corrections, balance adjustments with an
// admin's approval above the threshold, notes, and residents / category changed from a month, which
// the billing run reads for the period it bills while bills already issued keep the old values.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  accountAdjustments,
  accounts,
  accountTerms,
  auditLog,
  billLines,
  bills,
  consumptionVolumes,
  ledgerEntries,
  meters,
  tariffs,
} from '@/db/schema';
import { decideAdjustment, postOrRequestAdjustment } from '@/lib/accounts/adjustments';
import { loadAccountCard } from '@/lib/accounts/card';
import { correctAccountContacts } from '@/lib/accounts/contacts-correction';
import { addAccountNote } from '@/lib/accounts/notes';
import { adjustmentSchema } from '@/lib/accounts/registry-schemas';
import { searchRegistry } from '@/lib/accounts/registry-search';
import { changeAccountTerms } from '@/lib/accounts/terms';
import type { SessionUser } from '@/lib/auth/session';
import { accountBalance } from '@/lib/billing/balance';
import { createBillingRun, runBilling } from '@/lib/billing/run';
import { seedTariffs } from '@/db/seed/tariffs';
import {
  billPeriod,
  createCompanyUser,
  createMeteredAccount,
  createSubscriber,
  createUser,
  createUtilityProfile,
} from '../support/factories';
import { dbErrorOf, useTestDatabase } from '../support/test-db';
import { signInAs } from '../support/signed-in-browser';

// The Server Actions read the session through Auth.js; here the test says who is signed in.
vi.mock('@/auth', () => import('../support/signed-in-browser').then((m) => m.authModule()));
vi.mock('next/headers', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/headers')>()),
  headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.9', host: 'test.local' }),
}));

const { saveAdjustment, saveAccountNote } = await import('@/app/admin/(console)/accounts/actions');

const ctx = { ip: '203.0.113.9' };
const t = useTestDatabase();

let operator: SessionUser;
let admin: SessionUser;
let secondAdmin: SessionUser;
let household: SessionUser;
let company: SessionUser;
let kuznetsovId: string;

async function accountId(number: string): Promise<string> {
  const [row] = await t.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.number, number));
  return row!.id;
}

async function numbersFound(viewer: SessionUser, q: string): Promise<string[]> {
  const result = await searchRegistry(viewer, { q });
  if (!result.ok) throw new Error(result.message);
  return result.rows.map((r) => r.number);
}

async function auditOf(accountIdValue: string): Promise<string[]> {
  const rows = await t.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'account'), eq(auditLog.subjectId, accountIdValue)))
    .orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

/** Calls a Server Action as the signed-in user would; a redirect comes back as its location. */
async function callAction(
  action: (prev: null, form: FormData) => Promise<unknown>,
  as: SessionUser,
  fields: Record<string, string>,
): Promise<unknown> {
  await signInAs(as);
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

beforeAll(async () => {
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db);
  operator = await createUser(t.db, { role: 'operator' });
  admin = await createUser(t.db, { role: 'admin' });
  secondAdmin = await createUser(t.db, { role: 'admin', fullName: 'Второй Администратор' });
  const read = [
    ['2026-09-01', { all_day: 8_000 }],
    ['2026-10-01', { all_day: 8_210 }],
  ] as [string, { all_day: number }][];
  kuznetsovId = (
    await createMeteredAccount(t.db, {
      account: {
        number: '50010004',
        holderName: 'Кузнецов Дмитрий Андреевич',
        settlement: 'г. Истра',
        street: 'ул. Ленина',
        house: '5',
        flat: '7',
        phone: '+7 (926) 411-03-96',
      },
      registers: read,
    })
  ).accountId;
  await createMeteredAccount(t.db, { account: { number: '50010001' }, registers: read });
  const sidorova = await createMeteredAccount(t.db, { account: { number: '50010003' }, registers: read });
  household = await createSubscriber(t.db, sidorova.accountId, { email: 'sidorova@example.test' });
  const firm = await createCompanyUser(t.db, { companyRole: 'accountant', user: { email: 'accountant@example.test' } });
  company = firm.user;
  await createMeteredAccount(t.db, {
    account: { number: '70020001', kind: 'company', companyId: firm.companyId, residents: 0 },
    registers: read,
  });
  await billPeriod('2026-10-01');
});

describe('the search box', () => {
  it('finds an account by number, holder, address, phone, e-mail and meter serial', async () => {
    expect(await numbersFound(operator, '50010004')).toEqual(['50010004']);
    expect(await numbersFound(operator, '5001000')).toEqual(expect.arrayContaining(['50010001', '50010004']));
    expect(await numbersFound(operator, 'кузнецов')).toContain('50010004');
    expect(await numbersFound(operator, 'Ленина 5 Истра')).toContain('50010004');
    // The account's phone as printed, in another spelling: the digits match.
    expect(await numbersFound(operator, '8 926 411-03-96')).toEqual(['50010004']);
    // A registered user's e-mail, and a company user's e-mail finds the company's accounts.
    expect(await numbersFound(operator, 'sidorova@example.test')).toEqual(['50010003']);
    const companyNumbers = await numbersFound(operator, 'accountant@example.test');
    expect(companyNumbers.length).toBeGreaterThan(0);
    const [meter] = await t.db.select().from(meters).where(eq(meters.accountId, kuznetsovId));
    expect(await numbersFound(operator, meter!.serialNumber.slice(-8))).toContain('50010004');
    // The contract e-mail, once staff have entered it.
    await correctAccountContacts(operator, { account: kuznetsovId, email: 'kuznetsov.d@example.net' }, ctx);
    expect(await numbersFound(operator, 'kuznetsov.d@')).toEqual(['50010004']);
  });

  it('asks for three characters, pages, and finds nothing for junk', async () => {
    expect(await searchRegistry(operator, { q: 'ку' })).toMatchObject({
      ok: false,
      message: 'Введите не меньше 3 символов',
    });
    expect(await numbersFound(operator, 'нет-такого-абонента%_')).toEqual([]);
    const all = await searchRegistry(operator, {});
    // No query: the whole registry, the four accounts built above.
    expect(all.ok && all.total).toBe(4);
  });
});

describe('the account card belongs to staff only', () => {
  it('a household or company session gets no card, no search and cannot write', async () => {
    expect(await loadAccountCard(household, kuznetsovId)).toBeNull();
    expect(await loadAccountCard(company, kuznetsovId)).toBeNull();
    expect((await searchRegistry(household, { q: '50010004' })).ok).toBe(false);
    expect((await searchRegistry(company, { q: '50010004' })).ok).toBe(false);

    const before = await accountBalance(kuznetsovId);
    const fields = { account: kuznetsovId, direction: 'credit', amount: '100', reason: 'Попытка абонента' };
    expect(await callAction(saveAdjustment, household, fields)).toEqual({
      redirect: expect.stringMatching(/^\/admin\/login/),
    });
    expect(await callAction(saveAdjustment, company, fields)).toEqual({
      redirect: expect.stringMatching(/^\/admin\/login/),
    });
    const direct = await postOrRequestAdjustment(household, adjustmentSchema.parse(fields), ctx);
    expect(direct).toMatchObject({ ok: false, message: 'Это действие доступно только сотрудникам' });
    expect(await accountBalance(kuznetsovId)).toBe(before);
    const note = await addAccountNote(company, { account: kuznetsovId, body: 'чужая заметка' }, ctx);
    expect(note.ok).toBe(false);
  });

  it('staff see the whole card: holder, meters with readings, bills, ledger with running balance, users', async () => {
    const sidorovaAccount = await accountId('50010003');
    const card = (await loadAccountCard(operator, sidorovaAccount, new Date('2026-11-20T09:00:00Z')))!;
    expect(card.account.number).toBe('50010003');
    expect(card.meters.length).toBeGreaterThan(0);
    expect(card.meters.some((m) => m.readings.length > 0)).toBe(true);
    expect(card.bills.length).toBeGreaterThan(0);
    expect(card.users.map((u) => u.email)).toContain('sidorova@example.test');
    // The newest entry's running balance is the account's balance.
    expect(card.ledger[0]!.balanceKopecks).toBe(card.balanceKopecks);
    expect(card.balanceKopecks).toBe(await accountBalance(sidorovaAccount));
    expect(await loadAccountCard(operator, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await loadAccountCard(operator, 'not-a-uuid')).toBeNull();
  });
});

describe('contacts and notes', () => {
  it('corrects the phone and e-mail with an audit line, and refuses a bad phone in Russian', async () => {
    const result = await correctAccountContacts(
      operator,
      { account: kuznetsovId, phone: '+79264110397', email: 'kuznetsov.d@example.net' },
      ctx,
    );
    expect(result.ok).toBe(true);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, kuznetsovId));
    expect(row).toMatchObject({ phone: '+79264110397', email: 'kuznetsov.d@example.net' });
    expect(await auditOf(kuznetsovId)).toContain('account.contacts_corrected');
    const { accountContactsSchema } = await import('@/lib/accounts/registry-schemas');
    const bad = accountContactsSchema.safeParse({ account: kuznetsovId, phone: '12345' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/^Укажите телефон/);
  });

  it('adds a note through the action; it shows on the card and in the audit', async () => {
    const outcome = await callAction(saveAccountNote, operator, {
      account: kuznetsovId,
      body: 'Звонил, обещал оплатить',
    });
    expect(outcome).toEqual({ redirect: `/admin/accounts/${kuznetsovId}?done=note` });
    const card = (await loadAccountCard(operator, kuznetsovId))!;
    expect(card.notes[0]).toMatchObject({ body: 'Звонил, обещал оплатить', authorName: operator.fullName });
    expect(await auditOf(kuznetsovId)).toContain('account.note_added');
    expect(card.audit.map((a) => a.action)).toContain('account.note_added');
  });
});

describe('balance adjustments', () => {
  it('a small adjustment is a new ledger entry at once; the balance moves by it', async () => {
    const before = await accountBalance(kuznetsovId);
    const entriesBefore = (await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.accountId, kuznetsovId)))
      .length;
    const outcome = await callAction(saveAdjustment, operator, {
      account: kuznetsovId,
      direction: 'credit',
      amount: '150,50',
      reason: 'Перерасчёт по заявлению от 01.12.2026',
    });
    expect(outcome).toEqual({ redirect: `/admin/accounts/${kuznetsovId}?done=adjusted` });
    expect(await accountBalance(kuznetsovId)).toBe(before - 150_50);
    const entries = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.accountId, kuznetsovId));
    expect(entries).toHaveLength(entriesBefore + 1);
    const newest = entries.sort((a, b) => b.id - a.id)[0]!;
    expect(newest).toMatchObject({
      kind: 'adjustment',
      amountKopecks: -150_50,
      description: 'Корректировка: Перерасчёт по заявлению от 01.12.2026',
      createdBy: operator.id,
    });
    expect(await auditOf(kuznetsovId)).toContain('adjustment.posted');
  });

  it('refuses an adjustment without a reason, in Russian, writing nothing', async () => {
    const before = await accountBalance(kuznetsovId);
    const outcome = (await callAction(saveAdjustment, operator, {
      account: kuznetsovId,
      direction: 'debit',
      amount: '100',
      reason: '  ',
    })) as { ok: boolean; fieldErrors: Record<string, string> };
    expect(outcome.ok).toBe(false);
    expect(outcome.fieldErrors.reason).toMatch(/^Опишите причину корректировки/);
    expect(await accountBalance(kuznetsovId)).toBe(before);
  });

  it('above the threshold it waits for an admin other than the requester', async () => {
    const before = await accountBalance(kuznetsovId);
    const requested = await postOrRequestAdjustment(
      admin,
      { account: kuznetsovId, direction: 'debit', amount: 7_500_00, reason: 'Безучётное потребление, акт № 12' },
      ctx,
    );
    expect(requested).toMatchObject({ ok: true, posted: false });
    if (!requested.ok) return;
    expect(await accountBalance(kuznetsovId)).toBe(before);

    const decide = (who: SessionUser, decision: 'approve' | 'decline' = 'approve') =>
      decideAdjustment(who, { requestId: requested.adjustmentId, decision }, ctx);
    expect(await decide(operator)).toMatchObject({
      ok: false,
      message: 'Одобрить или отклонить корректировку может только администратор',
    });
    expect(await decide(admin)).toMatchObject({
      ok: false,
      message: 'Свою корректировку одобрить нельзя: нужен другой администратор',
    });
    // The database refuses it too, whatever the code says.
    const refused = await t.db
      .update(accountAdjustments)
      .set({ decidedBy: admin.id })
      .where(eq(accountAdjustments.id, requested.adjustmentId))
      .catch((e: unknown) => e);
    expect(dbErrorOf(refused).constraint).toBe('account_adjustments_second_person');
    expect(await accountBalance(kuznetsovId)).toBe(before);

    expect(await decide(secondAdmin)).toMatchObject({ ok: true, accountId: kuznetsovId });
    expect(await accountBalance(kuznetsovId)).toBe(before + 7_500_00);
    expect(await decide(secondAdmin)).toMatchObject({ ok: false, message: 'Эта корректировка уже проведена' });
    expect(await accountBalance(kuznetsovId)).toBe(before + 7_500_00);
    const [row] = await t.db.select().from(accountAdjustments).where(eq(accountAdjustments.id, requested.adjustmentId));
    expect(row).toMatchObject({ status: 'approved', requestedBy: admin.id, decidedBy: secondAdmin.id });
    expect(row!.ledgerEntryId).not.toBeNull();
    expect(await auditOf(kuznetsovId)).toEqual(
      expect.arrayContaining(['adjustment.approval_requested', 'adjustment.approved']),
    );
  });

  it('a declined adjustment leaves the balance as it was', async () => {
    const before = await accountBalance(kuznetsovId);
    const requested = await postOrRequestAdjustment(
      operator,
      { account: kuznetsovId, direction: 'credit', amount: 6_000_00, reason: 'Ошибочное начисление' },
      ctx,
    );
    if (!requested.ok) throw new Error(requested.message);
    expect(
      await decideAdjustment(admin, { requestId: requested.adjustmentId, decision: 'decline' }, ctx),
    ).toMatchObject({
      ok: true,
    });
    expect(await accountBalance(kuznetsovId)).toBe(before);
    expect(await auditOf(kuznetsovId)).toContain('adjustment.declined');
  });
});

describe('residents and category from a month', () => {
  const NOV = '2026-11-01';
  const DEC = '2026-12-01';
  let accountIdValue: string;

  beforeAll(async () => {
    // An account of its own: a meter that never had a reading, so each month is billed by the norm
    // (norm × residents), which makes the residents in force visible in the volume.
    const [account] = await t.db
      .insert(accounts)
      .values({
        number: '59000001',
        kind: 'household',
        holderName: 'Нормативов Иван Иванович',
        settlement: 'г. Истра',
        street: 'ул. Новая',
        house: '1',
        residents: 2,
        owners: 1,
        normKwhPerResident: 100,
        contractNumber: 'ЭС-59000001',
        contractStart: '2026-01-15',
      })
      .returning();
    accountIdValue = account!.id;
    await t.db.insert(meters).values({
      accountId: accountIdValue,
      serialNumber: 'NORM-59000001',
      zonePlan: 1,
      status: 'active',
      installedAt: '2026-01-15',
    });
  });

  async function billedKwh(period: string) {
    const rows = await t.db
      .select({ kwh: consumptionVolumes.kwh, category: tariffs.category })
      .from(bills)
      .innerJoin(billLines, eq(billLines.billId, bills.id))
      .innerJoin(tariffs, eq(tariffs.id, billLines.tariffId))
      .innerJoin(
        consumptionVolumes,
        and(eq(consumptionVolumes.meterId, billLines.meterId), eq(consumptionVolumes.period, period)),
      )
      .where(and(eq(bills.accountId, accountIdValue), eq(bills.period, period)));
    return { kwh: rows[0]?.kwh, categories: [...new Set(rows.map((r) => r.category))] };
  }

  async function bill(period: string, now: Date) {
    const created = await createBillingRun({ period, startedBy: operator.id, now });
    if (!created.ok) throw new Error(created.message);
    const outcome = await runBilling(created.runId, { now });
    expect(outcome.status).toBe('done');
  }

  it('refuses a month that is not the 1st in the database, and a billed month in Russian', async () => {
    const refused = await t.db
      .insert(accountTerms)
      .values({
        accountId: accountIdValue,
        effectiveFrom: '2026-12-15',
        residents: 1,
        owners: 1,
        tariffCategory: 'urban',
      })
      .catch((e: unknown) => e);
    expect(dbErrorOf(refused).constraint).toBe('account_terms_first_day');
    const billedMonth = await changeAccountTerms(
      operator,
      {
        account: kuznetsovId,
        month: '2026-10-01',
        residents: 5,
        owners: 1,
        tariffCategory: 'urban',
        reason: 'Справка',
      },
      { ...ctx, now: new Date('2026-11-20T09:00:00Z') },
    );
    expect(billedMonth).toMatchObject({ ok: false });
    expect(!billedMonth.ok && billedMonth.message).toMatch(/^Счёт за октябрь 2026 уже выставлен/);
  });

  it('a period before the change bills with the old values, the period after with the new', async () => {
    const changed = await changeAccountTerms(
      operator,
      {
        account: accountIdValue,
        month: DEC,
        residents: 4,
        owners: 1,
        tariffCategory: 'rural_or_stove',
        reason: 'Справка о регистрации от 20.11.2026',
      },
      { ...ctx, now: new Date('2026-11-20T09:00:00Z') },
    );
    expect(changed.ok).toBe(true);
    // The account shows the latest values at once…
    const [now] = await t.db.select().from(accounts).where(eq(accounts.id, accountIdValue));
    expect(now).toMatchObject({ residents: 4, tariffCategory: 'rural_or_stove' });
    expect(await auditOf(accountIdValue)).toContain('account.terms_changed');

    // …but November is billed with what was in force in November: 2 residents × 100 kWh, urban.
    await bill(NOV, new Date('2026-12-05T09:00:00Z'));
    expect(await billedKwh(NOV)).toEqual({ kwh: 200, categories: ['urban'] });
    // December with the new values: 4 residents × 100 kWh, the rural tariff.
    await bill(DEC, new Date('2027-01-05T09:00:00Z'));
    expect(await billedKwh(DEC)).toEqual({ kwh: 400, categories: ['rural_or_stove'] });

    // A billed month cannot be changed any more.
    const late = await changeAccountTerms(
      operator,
      { account: accountIdValue, month: DEC, residents: 1, owners: 1, tariffCategory: 'urban', reason: 'Поздно' },
      { ...ctx, now: new Date('2027-01-05T09:00:00Z') },
    );
    expect(late.ok).toBe(false);
    const card = (await loadAccountCard(operator, accountIdValue))!;
    expect(card.terms.map((r) => [r.effectiveFrom, r.residents])).toEqual([
      [DEC, 4],
      ['2026-01-01', 2],
    ]);
  });
});

// Last in the file: the 100 000 extra accounts stay (removing them costs as much as adding them).
describe('the search at scale', () => {
  it('answers from the trigram indexes over 100 000 accounts', async () => {
    // Built after the rows, as a bulk load would: maintaining a GIN index row by row is what is slow.
    await t.db.execute(sql`drop index accounts_search_trgm`);
    await t.db.execute(sql`
      insert into accounts (number, kind, holder_name, settlement, street, house, flat, phone, contract_number, contract_start)
      select (80000000 + g)::text, 'household', 'Абонент Нагрузочный ' || g, 'г. Тестовск', 'ул. Длинная', (g % 300)::text,
        (g % 90)::text, '+7 (900) ' || lpad((g % 10000000)::text, 7, '0'), 'ЭС-' || g, '2020-01-01'
      from generate_series(1, 100000) g`);
    await t.db.execute(sql`create index accounts_search_trgm on accounts using gin (
      account_search_text(number, holder_name, settlement, street, house, flat, phone, email) gin_trgm_ops)`);
    await t.db.execute(sql`analyze accounts`);
    // The plan, not a stopwatch, shows the search stays flat as the registry grows.
    const found = await searchRegistry(operator, { q: 'Нагрузочный 77777' });
    expect(found.ok && found.rows.map((r) => r.number)).toContain('80077777');
    const plan = await t.db.execute(sql`explain select id from accounts a
      where account_search_text(a.number, a.holder_name, a.settlement, a.street, a.house, a.flat, a.phone, a.email) like '%77777%'`);
    expect(JSON.stringify(plan)).toContain('accounts_search_trgm');
  });
});
