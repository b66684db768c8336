import 'server-only';
import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { accounts, accountUsers, cardBindings, payments, smsPayments, users } from '@/db/schema';
import { accountBalance, amountDue } from '@/lib/billing/balance';
import { moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { audit } from '@/lib/security/audit';
import { derivedKey } from '@/lib/security/keys';
import { paymentAmount } from '@/lib/validation/fields';
import { cardLabel } from './bindings';
import { activeGateway } from './gateways';
import { chargeBinding, PAID_STATUSES, RECURRING_MESSAGES } from './recurring';

// Payment by SMS from the phone on the cabinet: «ОПЛАТА [счёт] [сумма]» asks for a one-time code,
// the code alone confirms, and the card bound for electricity is charged through chargeBinding —
// so the «paid before» rule, the binding's purpose and the busy window are the cabinet's own. The
// SMS is a weaker proof than a session, hence the daily limit, the short code life, the few tries.

export const SMS_PAYMENT_DAILY_LIMIT_KOPECKS = 15_000_00;
/** Codes a user may ask for in a Moscow day, whatever became of them. */
export const SMS_PAYMENT_DAILY_CODES = 5;
const SMS_PAYMENT_CODE_TTL_MS = 10 * 60_000;
/** Wrong codes before the request is locked. */
const SMS_PAYMENT_MAX_ATTEMPTS = 3;
const CODE_DIGITS = 6;

/** A message that is only a code (the answer SMS asks for exactly this). */
export const SMS_PAYMENT_CODE = /^\s*(\d{6})\s*$/;

const SMS_PAYMENT_MESSAGES = {
  noAccount: 'К вашему кабинету не привязан лицевой счёт, поэтому оплата по СМС невозможна.',
  severalAccounts: (example: string) =>
    `У вас несколько лицевых счетов: укажите номер, например «ОПЛАТА ${example}» или «ОПЛАТА ${example} 1500».`,
  badAmount: (text: string, reason: string) =>
    `Не поняли сумму «${text}». ${reason}. Пример: ОПЛАТА 1500 или ОПЛАТА 1234,56.`,
  noCard:
    'К вашему кабинету не привязана карта для оплаты электроэнергии. Оплатите картой в личном кабинете и отметьте «Запомнить карту» — после этого можно платить по СМС.',
  nothingDue: (accountNumber: string) =>
    `По лицевому счёту ${accountNumber} задолженности нет. Чтобы внести аванс, укажите сумму: ОПЛАТА 1500.`,
  tooManyCodes: `Сегодня запрошено уже ${SMS_PAYMENT_DAILY_CODES} кодов для оплаты по СМС — это предел на сутки. Оплатите в личном кабинете или повторите завтра.`,
  overLimit: (leftKopecks: number) =>
    leftKopecks > 0
      ? `По СМС можно оплатить не больше ${formatRub(SMS_PAYMENT_DAILY_LIMIT_KOPECKS)} в сутки; сегодня осталось ${formatRub(leftKopecks)}. Оплатите остальное в личном кабинете.`
      : `Суточный предел оплаты по СМС, ${formatRub(SMS_PAYMENT_DAILY_LIMIT_KOPECKS)}, исчерпан. Оплатите в личном кабинете или повторите завтра.`,
  wrongCode: (left: number) => `Неверный код. Осталось попыток: ${left}. Деньги не списаны.`,
  locked: `Код введён неверно ${SMS_PAYMENT_MAX_ATTEMPTS} раза — оплата отменена, деньги не списаны. Чтобы оплатить, отправьте ОПЛАТА заново.`,
  expired: 'Срок кода истёк — оплата отменена, деньги не списаны. Чтобы оплатить, отправьте ОПЛАТА заново.',
  used: 'Этот код уже использован: повторно он не списывает деньги. Чтобы оплатить ещё раз, отправьте ОПЛАТА.',
  noPending: 'Нет оплаты, ожидающей кода. Чтобы оплатить, отправьте ОПЛАТА.',
} as const;

export interface SmsPaymentAnswer {
  answer: string;
  /** Kept with the inbound message: sms_payment_code_sent, sms_payment_refused, … */
  outcome: string;
  accountId?: string | null;
}

function codeHash(confirmationId: string, code: string): string {
  // Keyed and salted by the row: six digits are a million guesses, so a plain hash of a leaked row
  // would give the code away; without AUTH_SECRET this one gives nothing.
  return createHmac('sha256', derivedKey('sms-payment-code')).update(`${confirmationId}:${code}`).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Midnight in Moscow of the day that contains `now`: the limits' day. */
function dayStart(now: Date): Date {
  return new Date(`${moscowDay(now)}T00:00:00+03:00`);
}

const cardOf = (cardMask: string) => cardLabel(cardMask).replace('Карта ', 'карты ');

/**
 * What the user's SMS payments took today: charges confirmed whose payment is not known to have
 * failed (one confirmed but not yet recorded counts too — it may still be charged).
 */
async function chargedToday(executor: Db | Tx, userId: string, now: Date): Promise<number> {
  const [row] = await executor
    .select({ sum: sql<number>`coalesce(sum(${smsPayments.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(smsPayments)
    .leftJoin(payments, eq(payments.id, smsPayments.paymentId))
    .where(
      and(
        eq(smsPayments.userId, userId),
        gte(smsPayments.createdAt, dayStart(now)),
        or(
          inArray(payments.status, ['pending', ...PAID_STATUSES]),
          and(eq(smsPayments.status, 'confirmed'), isNull(smsPayments.paymentId)),
        ),
      ),
    );
  return row?.sum ?? 0;
}

async function refused(userId: string, reason: string, answer: string, details: Record<string, unknown> = {}) {
  await audit({ action: 'sms_payment.refused', actorUserId: userId, details: { reason, ...details } });
  return { answer, outcome: 'sms_payment_refused', accountId: (details.accountId as string | undefined) ?? null };
}

/** «ОПЛАТА [номер счёта] [сумма]»: checks everything a charge would, then sends a code. */
export async function startSmsPayment(input: { userId: string; args: string; now: Date }): Promise<SmsPaymentAnswer> {
  const { userId, now } = input;
  const own = await db()
    .select({ id: accounts.id, number: accounts.number })
    .from(accountUsers)
    .innerJoin(accounts, and(eq(accounts.id, accountUsers.accountId), eq(accounts.status, 'active')))
    .where(eq(accountUsers.userId, userId))
    .orderBy(asc(accounts.number));
  const [first = '', ...rest] = input.args.split(/\s+/);
  const named = own.find((a) => a.number === first);
  const account = named ?? (own.length === 1 ? own[0] : undefined);
  if (!account) {
    return own.length === 0
      ? refused(userId, 'no_account', SMS_PAYMENT_MESSAGES.noAccount)
      : refused(userId, 'several_accounts', SMS_PAYMENT_MESSAGES.severalAccounts(own[0]!.number));
  }
  const accountId = account.id;
  const amountText = (named ? rest.join(' ') : input.args).trim();

  const gateway = activeGateway();
  const [binding] = await db()
    .select({ id: cardBindings.id, cardMask: cardBindings.cardMask })
    .from(cardBindings)
    .where(
      and(
        eq(cardBindings.userId, userId),
        eq(cardBindings.purpose, 'electricity'),
        eq(cardBindings.gateway, gateway.id),
      ),
    )
    .orderBy(desc(cardBindings.createdAt))
    .limit(1);
  if (!binding) return refused(userId, 'no_card', SMS_PAYMENT_MESSAGES.noCard, { accountId });

  // The same rule chargeBinding enforces, told before a code is sent rather than after.
  const [paidBefore] = await db()
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(eq(payments.userId, userId), eq(payments.accountId, accountId), inArray(payments.status, [...PAID_STATUSES])),
    )
    .limit(1);
  if (!paidBefore) {
    return refused(userId, 'new_payee', `${RECURRING_MESSAGES.newPayee(account.number)}.`, { accountId });
  }

  let amountKopecks: number;
  if (amountText) {
    const parsed = paymentAmount.safeParse(amountText);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'Сумма — в рублях';
      return refused(userId, 'bad_amount', SMS_PAYMENT_MESSAGES.badAmount(amountText.slice(0, 20), reason), {
        accountId,
      });
    }
    amountKopecks = parsed.data;
  } else {
    amountKopecks = amountDue(await accountBalance(accountId));
    // Under 1 ₽ no gateway takes a payment: a few kopecks due is nothing to charge by SMS.
    if (amountKopecks < 100) {
      return refused(userId, 'nothing_due', SMS_PAYMENT_MESSAGES.nothingDue(account.number), { accountId });
    }
  }

  const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + SMS_PAYMENT_CODE_TTL_MS);
  const refusal = await db().transaction(async (tx) => {
    // One user's requests one at a time: the day's counts below cannot be passed by two at once.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    const [codes] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(smsPayments)
      .where(and(eq(smsPayments.userId, userId), gte(smsPayments.createdAt, dayStart(now))));
    if ((codes?.n ?? 0) >= SMS_PAYMENT_DAILY_CODES) {
      return { reason: 'daily_codes', answer: SMS_PAYMENT_MESSAGES.tooManyCodes };
    }
    const left = SMS_PAYMENT_DAILY_LIMIT_KOPECKS - (await chargedToday(tx, userId, now));
    if (amountKopecks > left) {
      return { reason: 'daily_limit', answer: SMS_PAYMENT_MESSAGES.overLimit(Math.max(left, 0)) };
    }
    // A new request replaces the one still waiting: the code last sent is the one that works.
    await tx
      .update(smsPayments)
      .set({ status: 'superseded', updatedAt: now })
      .where(and(eq(smsPayments.userId, userId), eq(smsPayments.status, 'pending')));
    await tx.insert(smsPayments).values({
      id,
      userId,
      accountId,
      cardBindingId: binding.id,
      amountKopecks,
      codeHash: codeHash(id, code),
      expiresAt,
      createdAt: now,
      updatedAt: now,
    });
    await audit(
      {
        action: 'sms_payment.requested',
        actorUserId: userId,
        subjectType: 'sms_payment',
        subjectId: id,
        details: { accountId, amountKopecks, cardBindingId: binding.id, expiresAt: expiresAt.toISOString() },
      },
      tx,
    );
    return null;
  });
  if (refusal) return refused(userId, refusal.reason, refusal.answer, { accountId, amountKopecks });
  return {
    answer:
      `Оплата по л/с ${account.number}: ${formatRub(amountKopecks)} с ${cardOf(binding.cardMask)}. ` +
      `Чтобы подтвердить, ответьте на это СМС только кодом ${code} в течение ${SMS_PAYMENT_CODE_TTL_MS / 60_000} минут. ` +
      'Никому не сообщайте код.',
    outcome: 'sms_payment_code_sent',
    accountId,
  };
}

type Checked =
  | { kind: 'answer'; answer: SmsPaymentAnswer }
  | { kind: 'charge'; row: typeof smsPayments.$inferSelect; accountNumber: string; cardMask: string };

/**
 * A six-digit reply: the code of the user's pending SMS payment. Null when this user has asked for
 * no code today — the digits are not an answer to us, and the router says it did not understand.
 */
export async function confirmSmsPayment(input: {
  userId: string;
  code: string;
  now: Date;
}): Promise<SmsPaymentAnswer | null> {
  const { userId, code, now } = input;
  const checked = await db().transaction(async (tx): Promise<Checked | null> => {
    const [row] = await tx
      .select()
      .from(smsPayments)
      .where(and(eq(smsPayments.userId, userId), eq(smsPayments.status, 'pending')))
      .for('update');
    const details = (r: typeof smsPayments.$inferSelect, extra: Record<string, unknown> = {}) => ({
      actorUserId: userId,
      subjectType: 'sms_payment',
      subjectId: r.id,
      details: { accountId: r.accountId, amountKopecks: r.amountKopecks, ...extra },
    });
    const answer = (text: string, outcome: string, accountId: string | null): Checked => ({
      kind: 'answer',
      answer: { answer: text, outcome, accountId },
    });
    if (!row) {
      const [latest] = await tx
        .select()
        .from(smsPayments)
        .where(and(eq(smsPayments.userId, userId), gte(smsPayments.createdAt, dayStart(now))))
        .orderBy(desc(smsPayments.createdAt))
        .limit(1);
      if (!latest) return null;
      await audit(
        { action: 'sms_payment.code_failed', ...details(latest, { reason: `no_pending:${latest.status}` }) },
        tx,
      );
      // Why the last request takes no code, so a person does not keep trying.
      if (latest.status === 'locked') {
        return answer(SMS_PAYMENT_MESSAGES.locked, 'sms_payment_locked', latest.accountId);
      }
      if (latest.status === 'expired') {
        return answer(SMS_PAYMENT_MESSAGES.expired, 'sms_payment_expired', latest.accountId);
      }
      if (
        (latest.status === 'confirmed' || latest.status === 'declined') &&
        sameHash(latest.codeHash, codeHash(latest.id, code))
      ) {
        return answer(SMS_PAYMENT_MESSAGES.used, 'sms_payment_code_used', latest.accountId);
      }
      return answer(SMS_PAYMENT_MESSAGES.noPending, 'sms_payment_no_pending', latest.accountId);
    }
    if (now >= row.expiresAt) {
      await tx.update(smsPayments).set({ status: 'expired', updatedAt: now }).where(eq(smsPayments.id, row.id));
      await audit({ action: 'sms_payment.expired', ...details(row) }, tx);
      return answer(SMS_PAYMENT_MESSAGES.expired, 'sms_payment_expired', row.accountId);
    }
    if (!sameHash(row.codeHash, codeHash(row.id, code))) {
      const attempts = row.attempts + 1;
      const locked = attempts >= SMS_PAYMENT_MAX_ATTEMPTS;
      await tx
        .update(smsPayments)
        .set({ attempts, status: locked ? 'locked' : 'pending', updatedAt: now })
        .where(eq(smsPayments.id, row.id));
      await audit(
        { action: locked ? 'sms_payment.locked' : 'sms_payment.code_failed', ...details(row, { attempts }) },
        tx,
      );
      return locked
        ? answer(SMS_PAYMENT_MESSAGES.locked, 'sms_payment_locked', row.accountId)
        : answer(
            SMS_PAYMENT_MESSAGES.wrongCode(SMS_PAYMENT_MAX_ATTEMPTS - attempts),
            'sms_payment_wrong_code',
            row.accountId,
          );
    }
    // Used once: from here the code opens nothing, whatever the charge below comes to.
    await tx.update(smsPayments).set({ status: 'confirmed', updatedAt: now }).where(eq(smsPayments.id, row.id));
    await audit({ action: 'sms_payment.confirmed', ...details(row) }, tx);
    const [account] = await tx.select({ number: accounts.number }).from(accounts).where(eq(accounts.id, row.accountId));
    const [card] = row.cardBindingId
      ? await tx
          .select({ cardMask: cardBindings.cardMask })
          .from(cardBindings)
          .where(eq(cardBindings.id, row.cardBindingId))
      : [];
    return { kind: 'charge', row, accountNumber: account?.number ?? '', cardMask: card?.cardMask ?? '' };
  });
  if (!checked) return null;
  if (checked.kind === 'answer') return checked.answer;
  return charge(checked.row, checked.accountNumber, checked.cardMask, now);
}

async function charge(
  row: typeof smsPayments.$inferSelect,
  accountNumber: string,
  cardMask: string,
  now: Date,
): Promise<SmsPaymentAnswer> {
  const what = `${formatRub(row.amountKopecks)} по л/с ${accountNumber}`;
  const declined = async (message: string, paymentId: string | null) => {
    await db()
      .update(smsPayments)
      .set({ status: 'declined', paymentId, updatedAt: new Date() })
      .where(eq(smsPayments.id, row.id));
    await audit({
      action: 'sms_payment.declined',
      actorUserId: row.userId,
      subjectType: 'sms_payment',
      subjectId: row.id,
      details: { accountId: row.accountId, amountKopecks: row.amountKopecks, paymentId, message },
    });
    return {
      answer: `Оплата ${what} не прошла. ${message}.`,
      outcome: 'sms_payment_declined',
      accountId: row.accountId,
    };
  };
  // The card was deleted between the code and the reply.
  if (!row.cardBindingId) return declined(SMS_PAYMENT_MESSAGES.noCard.replace(/\.$/, ''), null);
  const [payer] = await db().select({ email: users.email }).from(users).where(eq(users.id, row.userId));
  const outcome = await chargeBinding(
    {
      userId: row.userId,
      bindingId: row.cardBindingId,
      accountId: row.accountId,
      amountKopecks: row.amountKopecks,
      receiptEmail: payer?.email ?? null,
      // An SMS has no address; the audit records none.
      ip: '',
      now,
      linkPayment: async (tx, paymentId) => {
        await tx.update(smsPayments).set({ paymentId }).where(eq(smsPayments.id, row.id));
      },
    },
    activeGateway(),
  );
  if (outcome.ok) {
    return {
      answer: `Код принят: списание ${what} с ${cardOf(cardMask)} отправлено в банк. О результате сообщим СМС.`,
      outcome: 'sms_payment_charged',
      accountId: row.accountId,
    };
  }
  // No answer from the gateway: the payment stays pending, and its notification (or expiry) tells.
  if (outcome.message === RECURRING_MESSAGES.noAnswer) {
    return { answer: `${RECURRING_MESSAGES.noAnswer}.`, outcome: 'sms_payment_no_answer', accountId: row.accountId };
  }
  return declined(outcome.message, outcome.paymentId ?? null);
}
