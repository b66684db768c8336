import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, bills } from '@/db/schema';
import { type ActionResult, fail } from '@/lib/actions/result';
import { audit } from '@/lib/security/audit';
import { derivedKey } from '@/lib/security/keys';
import { pseudonym } from '@/lib/security/pseudonym';
import { hitRateLimit } from '@/lib/security/rate-limit';
import { billOutstandingKopecks } from '@/lib/bills/standing';
import { formatPeriod } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { PAYMENT_MAX_KOPECKS } from '@/lib/validation/fields';
import {
  type PayerReference,
  type PayerReferenceKind,
  payerReferenceMessages,
  recognizePayerReference,
} from '@/lib/validation/gis-ids';
import { maskedAddress, maskHolderName } from './masking';

/** Lookups per client address: plenty for a family's bills, far too few to walk the registry. */
export const GUEST_LOOKUPS_PER_IP = { limit: 20, windowSeconds: 60 * 60 };
/** Lookups of one number from anywhere: a payer needs a few; many addresses probing one number get a pause. */
export const GUEST_LOOKUPS_PER_NUMBER = { limit: 10, windowSeconds: 60 * 60 };

export const guestLookupMessages = {
  tooManyFromAddress: 'Слишком много запросов с вашего адреса. Попробуйте через час или войдите в личный кабинет.',
  tooManyForNumber: 'Слишком много запросов по этому номеру. Попробуйте через час или войдите в личный кабинет.',
} as const;
const TICKET_LIFETIME_MS = 30 * 60 * 1000;

export interface GuestPayee {
  ticket: string;
  holder: string;
  address: string;
  accountNumber: string;
  amountKopecks: number;
  /** The ГИС ЖКХ identifier the payer typed, shown back to them; null for an account number. */
  reference: { label: string; value: string } | null;
  /** «октябрь 2026» when an ИПД named one bill. */
  billPeriod: string | null;
}

interface TicketBody {
  accountId: string;
  /** The bill an ИПД named: the payment is linked to it. */
  billId?: string;
  amountKopecks: number;
  email: string | null;
  expires: number;
}

function sign(body: string): string {
  return createHmac('sha256', derivedKey('guest-ticket')).update(body).digest('base64url');
}

/** The confirmed payee and amount, signed, so the «Оплатить» step cannot be pointed elsewhere. */
function issueTicket(body: TicketBody): string {
  const encoded = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${encoded}.${sign(encoded)}`;
}

export function readTicket(ticket: string, now = new Date()): TicketBody | null {
  const [encoded, signature] = ticket.split('.');
  if (!encoded || !signature) return null;
  const expected = Buffer.from(sign(encoded));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const body = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as TicketBody;
    return body.expires > now.getTime() ? body : null;
  } catch {
    return null;
  }
}

const NOT_FOUND: Record<PayerReferenceKind, string> = {
  account: 'Лицевой счёт не найден. Проверьте номер: он напечатан в квитанции и в договоре.',
  els: 'Лицевой счёт не найден. Проверьте ЕЛС: он напечатан в квитанции.',
  izhku: 'Лицевой счёт не найден. Проверьте ИЖКУ: он напечатан в квитанции.',
  ipd: 'Платёжный документ не найден. Проверьте ИПД: он напечатан в квитанции.',
};

const guestReferenceLabels: Record<PayerReferenceKind, string> = {
  account: 'Лицевой счёт',
  els: 'ЕЛС',
  izhku: 'ИЖКУ',
  ipd: 'ИПД',
};

const payeeColumns = {
  id: accounts.id,
  number: accounts.number,
  holderName: accounts.holderName,
  settlement: accounts.settlement,
  street: accounts.street,
  status: accounts.status,
};

type PayeeRow = { id: string; number: string; holderName: string; settlement: string; street: string; status: string };

/** The account (and, for an ИПД, the bill) the reference names; one indexed query. */
async function findPayee(
  reference: PayerReference,
): Promise<{ account: PayeeRow; bill?: { id: string; period: string } } | null> {
  if (reference.kind === 'ipd') {
    const [row] = await db()
      .select({ account: payeeColumns, bill: { id: bills.id, period: bills.period } })
      .from(bills)
      .innerJoin(accounts, eq(accounts.id, bills.accountId))
      .where(eq(bills.ipd, reference.value));
    return row ?? null;
  }
  const column = { account: accounts.number, els: accounts.els, izhku: accounts.izhku }[reference.kind];
  const [account] = await db().select(payeeColumns).from(accounts).where(eq(column, reference.value));
  return account ? { account } : null;
}

/**
 * Step one of paying without an account: who would receive the money, masked. The payer names the
 * account by its number, its ЕЛС or ИЖКУ, or one bill by its ИПД (then the sum is what that bill
 * still owes, not one the payer types). Rate-limited per address and per reference, and the
 * «not found» answer costs the same as a hit, so the form cannot be used to list what exists.
 */
export async function lookupGuestPayee(
  input: { accountNumber: string; amountKopecks?: number; email?: string },
  context: { ip: string; now?: Date },
): Promise<ActionResult<{ payee: GuestPayee }>> {
  const now = context.now ?? new Date();
  const reference = recognizePayerReference(input.accountNumber);
  const key = reference?.value ?? input.accountNumber;
  const [perIp, perNumber] = await Promise.all([
    hitRateLimit(`guest-pay:ip:${context.ip}`, GUEST_LOOKUPS_PER_IP, now),
    hitRateLimit(`guest-pay:number:${key}`, GUEST_LOOKUPS_PER_NUMBER, now),
  ]);
  if (!perIp.allowed) return fail(guestLookupMessages.tooManyFromAddress);
  // Said of any number alike, found or not, so it tells nothing about the registry.
  if (!perNumber.allowed) return fail(guestLookupMessages.tooManyForNumber);
  if (!reference) return fail(payerReferenceMessages.malformed, { accountNumber: payerReferenceMessages.malformed });
  const found = await findPayee(reference);
  await audit({
    action: 'payment.guest_lookup',
    ip: context.ip,
    details: { found: Boolean(found), kind: reference.kind, numberHash: pseudonym(reference.value) },
  });
  if (!found || found.account.status !== 'active') {
    const message = NOT_FOUND[reference.kind];
    return fail(message, { accountNumber: message });
  }
  const { account, bill } = found;

  let amountKopecks = input.amountKopecks;
  if (bill) {
    // An ИПД pays that document: exactly what is still owed on it, by the bill list's own rule.
    const due = await billOutstandingKopecks(account.id, bill.id, now);
    if (due <= 0) {
      const message = `Платёжный документ за ${formatPeriod(bill.period)} уже оплачен — платить по нему нечего.`;
      return fail(message, { accountNumber: message });
    }
    if (due > PAYMENT_MAX_KOPECKS) {
      const message = `К оплате по документу ${formatRub(due)}: больше 500 000 ₽ за один платёж не принимаем — оплатите по реквизитам квитанции.`;
      return fail(message, { accountNumber: message });
    }
    if (amountKopecks !== undefined && amountKopecks !== due) {
      const message = `По ИПД оплачивается сумма документа — ${formatRub(due)}. Оставьте поле «Сумма» пустым или укажите её.`;
      return fail(message, { amount: message });
    }
    amountKopecks = due;
  }
  if (amountKopecks === undefined) return fail('Укажите сумму', { amount: 'Укажите сумму' });

  return {
    ok: true,
    payee: {
      ticket: issueTicket({
        accountId: account.id,
        billId: bill?.id,
        amountKopecks,
        email: input.email ?? null,
        expires: now.getTime() + TICKET_LIFETIME_MS,
      }),
      holder: maskHolderName(account.holderName),
      address: maskedAddress(account),
      accountNumber: account.number,
      amountKopecks,
      reference:
        reference.kind === 'account' ? null : { label: guestReferenceLabels[reference.kind], value: reference.value },
      billPeriod: bill ? formatPeriod(bill.period) : null,
    },
  };
}
