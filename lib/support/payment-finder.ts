import 'server-only';
import { and, eq, gte, inArray, lt, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, payments, refunds } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { paymentExpiresAt } from '@/lib/payments/expiry';
import { GUEST_LOOKUPS_PER_IP, GUEST_LOOKUPS_PER_NUMBER, guestLookupMessages } from '@/lib/payments/guest';
import { audit } from '@/lib/security/audit';
import { pseudonym } from '@/lib/security/pseudonym';
import { hitRateLimit } from '@/lib/security/rate-limit';

// «Платёж не зачислен»: the subscriber says when and how much they paid; the portal looks for that
// payment on the account and says where it is, so most such questions never need a person. A bank
// may date a payment a day apart from us (its time zone, a payment late at night), so the day
// before and the day after count too, by the day it was started or the day it was credited.

const DAY_MS = 24 * 60 * 60 * 1000;

export type PaymentOutcome = 'credited' | 'refunded' | 'pending' | 'not_completed' | 'not_found';

export interface PaymentFinding {
  outcome: PaymentOutcome;
  /** One sentence: where the money is. */
  title: string;
  /** What the subscriber should do now, if anything. */
  advice: string;
}

interface Query {
  paidOn: string;
  amountKopecks: number;
}

// The better a candidate explains «I paid», the earlier it is in this list.
const statusPreference = [
  'paid',
  'partially_refunded',
  'refunded',
  'pending',
  'expired',
  'failed',
  'cancelled',
] as const;

const SEND_RECEIPT =
  'Если деньги списаны, пришлите нам обращение с чеком или выпиской банка: дата и время, сумма, получатель и номер операции. Мы найдём платёж и зачислим его.';

async function findingOn(account: { id: string; number: string }, query: Query, now: Date): Promise<PaymentFinding> {
  const day = new Date(`${query.paidOn}T00:00:00+03:00`);
  const from = new Date(day.getTime() - DAY_MS);
  const to = new Date(day.getTime() + 2 * DAY_MS);
  const candidates = await db()
    .select({
      id: payments.id,
      status: payments.status,
      createdAt: payments.createdAt,
      paidAt: payments.paidAt,
    })
    .from(payments)
    .where(
      and(
        eq(payments.accountId, account.id),
        eq(payments.amountKopecks, query.amountKopecks),
        or(
          and(gte(payments.createdAt, from), lt(payments.createdAt, to)),
          and(gte(payments.paidAt, from), lt(payments.paidAt, to)),
        ),
      ),
    );
  const amount = formatRub(query.amountKopecks);
  const best = candidates
    .map((c) => ({
      ...c,
      rank: statusPreference.indexOf(c.status),
      distance: Math.abs((c.paidAt ?? c.createdAt).getTime() - day.getTime()),
    }))
    .sort((a, b) => a.rank - b.rank || a.distance - b.distance)[0];
  if (!best) {
    return {
      outcome: 'not_found',
      title: `Платёж на ${amount} около ${formatDate(query.paidOn)} по лицевому счёту ${account.number} не найден.`,
      advice: `Проверьте дату и сумму. Платёж через банк по реквизитам поступает к нам за один–три рабочих дня. ${SEND_RECEIPT}`,
    };
  }
  if (best.status === 'paid') {
    return {
      outcome: 'credited',
      title: `Платёж на ${amount} зачислен ${formatDateTime(best.paidAt!)} на лицевой счёт ${account.number}.`,
      advice: 'Он уже учтён в балансе и появится в следующей квитанции.',
    };
  }
  if (best.status === 'refunded' || best.status === 'partially_refunded') {
    const [refund] = await db()
      .select({ amountKopecks: refunds.amountKopecks, completedAt: refunds.completedAt })
      .from(refunds)
      .where(and(eq(refunds.paymentId, best.id), inArray(refunds.status, ['succeeded'])));
    const back = refund
      ? `${formatRub(refund.amountKopecks)}${refund.completedAt ? ` ${formatDate(refund.completedAt)}` : ''}`
      : '';
    return {
      outcome: 'refunded',
      title: `Платёж на ${amount} был зачислен ${formatDateTime(best.paidAt!)} на лицевой счёт ${account.number}, затем ${best.status === 'refunded' ? 'возвращён' : 'возвращён частично'}${back ? `: ${back}` : ''}.`,
      advice: 'Возврат приходит на карту, с которой платили, за срок, который назначает ваш банк (обычно до 30 дней).',
    };
  }
  // Past its lifetime a pending payment was abandoned on the gateway's page, not in flight (the
  // expiry job marks it so within minutes; until then it reads the same here).
  if (best.status === 'pending' && now < paymentExpiresAt(best.createdAt)) {
    return {
      outcome: 'pending',
      title: `Платёж на ${amount} от ${formatDateTime(best.createdAt)} ждёт подтверждения платёжного сервиса.`,
      advice:
        'Обычно это несколько минут. Как только сервис подтвердит оплату, она будет зачислена сама — платить ещё раз не нужно.',
    };
  }
  return {
    outcome: 'not_completed',
    title: `Оплата на ${amount} от ${formatDateTime(best.createdAt)} не была завершена: платёжный сервис её не подтвердил, деньги не поступили.`,
    advice: `Оплатите ещё раз. ${SEND_RECEIPT}`,
  };
}

/** From the cabinet: the account is the session's own (userAction checks it). */
export async function findPaymentOnAccount(accountId: string, query: Query, now = new Date()): Promise<PaymentFinding> {
  const [account] = await db()
    .select({ id: accounts.id, number: accounts.number })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!account) throw new Error('account not found');
  return findingOn(account, query, now);
}

/** Without a login: the same limits as paying by account number (lib/payments/guest.ts), so it cannot walk the registry. */
export async function findPaymentAsGuest(
  input: Query & { accountNumber: string },
  context: { ip: string; now?: Date },
): Promise<ActionResult<{ finding: PaymentFinding }>> {
  const now = context.now ?? new Date();
  const [perIp, perNumber] = await Promise.all([
    hitRateLimit(`payment-finder:ip:${context.ip}`, GUEST_LOOKUPS_PER_IP, now),
    hitRateLimit(`payment-finder:number:${input.accountNumber}`, GUEST_LOOKUPS_PER_NUMBER, now),
  ]);
  if (!perIp.allowed) return fail(guestLookupMessages.tooManyFromAddress);
  if (!perNumber.allowed) return fail(guestLookupMessages.tooManyForNumber);
  const [account] = await db()
    .select({ id: accounts.id, number: accounts.number, status: accounts.status })
    .from(accounts)
    .where(eq(accounts.number, input.accountNumber));
  await audit({
    action: 'payment.guest_lookup',
    ip: context.ip,
    details: { found: Boolean(account), numberHash: pseudonym(input.accountNumber), finder: true },
  });
  if (!account || account.status !== 'active') {
    const message = 'Лицевой счёт не найден. Проверьте номер: он напечатан в квитанции и в договоре.';
    return fail(message, { accountNumber: message });
  }
  return succeed({ finding: await findingOn(account, input, now) });
}
