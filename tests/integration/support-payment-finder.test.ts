import { describe, expect, it } from 'vitest';
import { formatDateTime } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { findPaymentAsGuest, findPaymentOnAccount } from '@/lib/support/payment-finder';
import { createAccount, createPaidPayment, createRefundedPayment, createUnpaidPayment } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

// «Платёж не зачислен» on a real database: for each state a payment can be in, what the subscriber
// is told after entering the date and the amount.

const t = useTestDatabase();
const now = new Date('2026-11-20T12:00:00Z');

describe('finding a payment by date and amount', () => {
  it('says when and to which account a credited payment went, a day apart from the bank included', async () => {
    const account = await createAccount(t.db);
    // 23:30 on 17 November in Moscow; the bank's statement says the 18th.
    await createPaidPayment(t.db, account.id, 1_234_56, new Date('2026-11-17T20:30:00Z'), {
      createdAt: new Date('2026-11-17T20:29:00Z'),
    });
    const finding = await findPaymentOnAccount(account.id, { paidOn: '2026-11-18', amountKopecks: 1_234_56 }, now);
    expect(finding.outcome).toBe('credited');
    expect(finding.title).toBe(
      `Платёж на ${formatRub(1_234_56)} зачислен ${formatDateTime(new Date('2026-11-17T20:30:00Z'))} на лицевой счёт ${account.number}.`,
    );
    expect(finding.title).toContain('17.11.2026');
  });

  it('says a payment is waiting at the gateway while it is fresh', async () => {
    const account = await createAccount(t.db);
    await createUnpaidPayment(t.db, account.id, 500_00, new Date(now.getTime() - 5 * 60_000));
    const finding = await findPaymentOnAccount(account.id, { paidOn: '2026-11-20', amountKopecks: 500_00 }, now);
    expect(finding.outcome).toBe('pending');
    expect(finding.advice).toMatch(/платить ещё раз не нужно/);
  });

  it('says a payment left unconfirmed, or refused, was not completed and asks for the receipt', async () => {
    const account = await createAccount(t.db);
    await createUnpaidPayment(t.db, account.id, 700_00, new Date('2026-11-19T09:00:00Z'));
    await createUnpaidPayment(t.db, account.id, 800_00, new Date('2026-11-19T09:00:00Z'), 'failed');
    for (const amountKopecks of [700_00, 800_00]) {
      const finding = await findPaymentOnAccount(account.id, { paidOn: '2026-11-19', amountKopecks }, now);
      expect(finding.outcome).toBe('not_completed');
      expect(finding.advice).toMatch(/чеком или выпиской банка/);
    }
  });

  it('prefers the credited payment when a failed try of the same amount came first', async () => {
    const account = await createAccount(t.db);
    await createUnpaidPayment(t.db, account.id, 900_00, new Date('2026-11-19T08:00:00Z'), 'failed');
    await createPaidPayment(t.db, account.id, 900_00, new Date('2026-11-19T08:05:00Z'), {
      createdAt: new Date('2026-11-19T08:04:00Z'),
    });
    const finding = await findPaymentOnAccount(account.id, { paidOn: '2026-11-19', amountKopecks: 900_00 }, now);
    expect(finding.outcome).toBe('credited');
  });

  it('says a refunded payment went back, with the sum and the day', async () => {
    const account = await createAccount(t.db);
    await createRefundedPayment(
      t.db,
      account.id,
      300_00,
      new Date('2026-11-10T10:00:00Z'),
      new Date('2026-11-12T10:00:00Z'),
    );
    const finding = await findPaymentOnAccount(account.id, { paidOn: '2026-11-10', amountKopecks: 300_00 }, now);
    expect(finding.outcome).toBe('refunded');
    expect(finding.title).toContain(`возвращён: ${formatRub(300_00)} 12.11.2026`);
  });

  it('finds nothing for another amount, another day or another account, and says what to send', async () => {
    const account = await createAccount(t.db);
    const other = await createAccount(t.db);
    await createPaidPayment(t.db, account.id, 100_00, new Date('2026-11-05T10:00:00Z'), {
      createdAt: new Date('2026-11-05T10:00:00Z'),
    });
    for (const [accountId, paidOn, amountKopecks] of [
      [account.id, '2026-11-05', 101_00],
      [account.id, '2026-11-08', 100_00],
      [other.id, '2026-11-05', 100_00],
    ] as const) {
      const finding = await findPaymentOnAccount(accountId, { paidOn, amountKopecks }, now);
      expect(finding.outcome).toBe('not_found');
      expect(finding.advice).toMatch(/номер операции/);
    }
  });
});

describe('as a guest, by account number', () => {
  it('finds the payment and tells no name or address', async () => {
    const account = await createAccount(t.db);
    await createPaidPayment(t.db, account.id, 250_00, new Date('2026-11-15T10:00:00Z'), {
      createdAt: new Date('2026-11-15T10:00:00Z'),
    });
    const result = await findPaymentAsGuest(
      { accountNumber: account.number, paidOn: '2026-11-15', amountKopecks: 250_00 },
      { ip: '198.51.100.7', now },
    );
    expect(result.ok && result.finding.outcome).toBe('credited');
    expect(JSON.stringify(result)).not.toContain(account.holderName);
    expect(JSON.stringify(result)).not.toContain('Тестовая');
  });

  it('refuses an unknown number with the /pay message, and stops an address after the /pay limit', async () => {
    const unknown = await findPaymentAsGuest(
      { accountNumber: '99999999', paidOn: '2026-11-15', amountKopecks: 100_00 },
      { ip: '198.51.100.8', now },
    );
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { accountNumber: expect.stringMatching(/не найден/) } });
    let last: Awaited<ReturnType<typeof findPaymentAsGuest>> | undefined;
    for (let i = 0; i < 20; i += 1) {
      last = await findPaymentAsGuest(
        { accountNumber: String(10_000_000 + i), paidOn: '2026-11-15', amountKopecks: 100_00 },
        { ip: '198.51.100.9', now },
      );
    }
    expect(last).toMatchObject({ ok: false, message: expect.stringMatching(/не найден/) });
    const stopped = await findPaymentAsGuest(
      { accountNumber: '10000099', paidOn: '2026-11-15', amountKopecks: 100_00 },
      { ip: '198.51.100.9', now },
    );
    expect(stopped).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Слишком много запросов с вашего адреса/),
    });
  });
});
