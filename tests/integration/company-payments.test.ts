// A company pays as a household does: a card payment started from /lk/payments by the accountant
// (the payer is the company user) is credited once by the gateway's notification, however many
// times it arrives; the engineer may not pay; an account of another company is refused; the page's
// data never shows another company's account or payments.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ledgerEntries, payments } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import type { SessionUser } from '@/lib/auth/session';
import { companyMemberOf } from '@/lib/company/access';
import { companyPayments } from '@/lib/company/payments';
import { parseGostPayload } from '@/lib/bills/qr-payload';
import { buildSandboxNotification } from '@/lib/payments/gateway/sandbox/gateway';
import { activeGateway } from '@/lib/payments/gateways';
import { acceptPaymentNotification } from '@/lib/payments/notify';
import { nextControlFlow } from '../support/junk';
import { requestState } from '../support/request-boundary';
import { testSandboxConfig } from '../support/sandbox-fixtures';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';
import {
  billPeriod,
  createAccount,
  createCompanyMember,
  createCompanyUser,
  createMeteredAccount,
  createUtilityProfile,
} from '../support/factories';

process.env.AUTH_SECRET ??= 'integration-only-secret-integration-only';

vi.mock('next-auth', () => import('../support/request-boundary').then((m) => m.nextAuthModule()));
vi.mock('@/auth', () => import('../support/request-boundary').then((m) => m.authModule()));
vi.mock('next/headers', () => import('../support/request-boundary').then((m) => m.headersModule()));
vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

const { payCompanyAccount } = await import('@/app/lk/(cabinet)/payments/actions');

let t: TestDatabase;
let restore: () => void;
let accountant: SessionUser;
let engineer: SessionUser;
let rival: SessionUser;
let accountId: string;
let rivalAccount: string;

async function pay(
  as: SessionUser,
  fields: Record<string, string>,
): Promise<{ ok: boolean; message?: string; redirect?: string }> {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  requestState.userId = as.id;
  try {
    return (await payCompanyAccount(null, data)) as { ok: boolean; message?: string };
  } catch (error) {
    const flow = nextControlFlow(error);
    if (flow?.kind === 'redirect') return { ok: true, redirect: flow.location };
    throw error;
  } finally {
    requestState.userId = null;
  }
}

async function balance(id: string): Promise<number> {
  const [row] = await t.db
    .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, id));
  return row!.sum;
}

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db);
  const company = await createCompanyUser(t.db, {
    companyRole: 'accountant',
    user: { email: 'accountant@example.test' },
  });
  accountant = company.user;
  engineer = await createCompanyMember(t.db, company.companyId, 'engineer');
  accountId = (
    await createMeteredAccount(t.db, {
      account: { kind: 'company', companyId: company.companyId, residents: 0, contractNumber: 'ЮЛ-2021/014-1' },
      registers: [
        ['2026-09-01', { all_day: 10_000 }],
        ['2026-10-01', { all_day: 11_800 }],
      ],
    })
  ).accountId;
  await billPeriod('2026-10-01');

  const other = await createCompanyUser(t.db, { company: { name: 'ООО «Соседи»' } });
  rival = other.user;
  rivalAccount = (
    await createAccount(t.db, { kind: 'company', holderName: 'ООО «Соседи»', companyId: other.companyId })
  ).id;
});

afterAll(async () => {
  restore?.();
  await t?.drop();
});

describe('card payment of a company account', () => {
  it('the accountant pays; the notification credits the account once, however often it comes', async () => {
    const before = await balance(accountId);
    const started = await pay(accountant, { accountId, amount: '1500,25' });
    expect(started).toMatchObject({ ok: true, redirect: expect.stringMatching(/^\/payments\/go\/[0-9a-f-]{36}\?t=/) });
    const paymentId = (started as { redirect: string }).redirect.match(/go\/([0-9a-f-]{36})/)![1]!;
    const [payment] = await t.db.select().from(payments).where(eq(payments.id, paymentId));
    expect(payment).toMatchObject({
      accountId,
      userId: accountant.id,
      amountKopecks: 1500_25,
      status: 'pending',
      receiptEmail: 'accountant@example.test',
      requestsBinding: false,
    });
    expect(await balance(accountId)).toBe(before);

    const notice = buildSandboxNotification(
      {
        invId: payment!.invId,
        amountKopecks: 1500_25,
        shp: { Shp_purpose: 'electricity' },
        cardMask: '411111******1111',
      },
      testSandboxConfig,
    ) as Record<string, string>;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => acceptPaymentNotification(activeGateway(), notice, { ip: '203.0.113.9' })),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await balance(accountId)).toBe(before - 1500_25);
    expect(await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.paymentId, paymentId))).toHaveLength(1);

    const view = await companyPayments(companyMemberOf(accountant)!, { accountId });
    expect(view.history.rows[0]).toMatchObject({ invId: payment!.invId, status: 'paid', method: 'банковская карта' });
  });

  it('the engineer may not pay, and nothing is recorded', async () => {
    const before = await t.db.select({ id: payments.id }).from(payments);
    const refused = await pay(engineer, { accountId, amount: '100' });
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/недоступно для вашей роли/);
    expect(await t.db.select({ id: payments.id }).from(payments)).toHaveLength(before.length);
  });

  it('another company’s account is refused, and its page shows only its own', async () => {
    const refused = await pay(accountant, { accountId: rivalAccount, amount: '100' });
    expect(refused).toMatchObject({ ok: false, message: 'Лицевой счёт не найден среди ваших' });
    const theirs = await companyPayments(companyMemberOf(rival)!, { accountId });
    expect(theirs.accounts.map((a) => a.id)).toEqual([rivalAccount]);
    expect(theirs.selected?.id).toBe(rivalAccount);
    expect(theirs.history.rows).toEqual([]);
    expect(theirs.transfer).toBeNull();
  });
});

describe('bank transfer details', () => {
  it('carry the newest invoice’s exact purpose line, and the QR code says the same', async () => {
    const view = await companyPayments(companyMemberOf(accountant)!, { accountId });
    expect(view.transfer).not.toBeNull();
    const { docs, qrPayload } = view.transfer!;
    expect(docs.purpose).toMatch(
      new RegExp(`^Оплата по счёту № ${docs.number} от \\d{2}\\.\\d{2}\\.\\d{4}, договор №`),
    );
    const fields = parseGostPayload(qrPayload!);
    expect(fields.get('Purpose')).toBe(docs.purpose);
    expect(fields.get('Sum')).toBe(String(docs.total.grossKopecks));
    expect(fields.get('PersonalAcc')).toBe(docs.detail.utility.settlementAccount);
  });
});
