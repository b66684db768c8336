import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts } from '@/db/schema';
import { type ActionResult, fail } from '@/lib/actions/result';
import { audit } from '@/lib/security/audit';
import { derivedKey } from '@/lib/security/keys';
import { pseudonym } from '@/lib/security/pseudonym';
import { hitRateLimit } from '@/lib/security/rate-limit';
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
}

interface TicketBody {
  accountId: string;
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

/**
 * Step one of paying without an account: who would receive the money, masked. Rate-limited
 * per address, and the «not found» answer costs the same as a hit, so the form cannot be used to
 * list which numbers exist.
 */
export async function lookupGuestPayee(
  input: { accountNumber: string; amountKopecks: number; email?: string },
  context: { ip: string; now?: Date },
): Promise<ActionResult<{ payee: GuestPayee }>> {
  const now = context.now ?? new Date();
  const [perIp, perNumber] = await Promise.all([
    hitRateLimit(`guest-pay:ip:${context.ip}`, GUEST_LOOKUPS_PER_IP, now),
    hitRateLimit(`guest-pay:number:${input.accountNumber}`, GUEST_LOOKUPS_PER_NUMBER, now),
  ]);
  if (!perIp.allowed) return fail(guestLookupMessages.tooManyFromAddress);
  // Said of any number alike, found or not, so it tells nothing about the registry.
  if (!perNumber.allowed) return fail(guestLookupMessages.tooManyForNumber);
  const [account] = await db()
    .select({
      id: accounts.id,
      number: accounts.number,
      holderName: accounts.holderName,
      settlement: accounts.settlement,
      street: accounts.street,
      status: accounts.status,
    })
    .from(accounts)
    .where(eq(accounts.number, input.accountNumber));
  await audit({
    action: 'payment.guest_lookup',
    ip: context.ip,
    details: { found: Boolean(account), numberHash: pseudonym(input.accountNumber) },
  });
  if (!account || account.status !== 'active') {
    const message = 'Лицевой счёт не найден. Проверьте номер: он напечатан в квитанции и в договоре.';
    return fail(message, { accountNumber: message });
  }
  return {
    ok: true,
    payee: {
      ticket: issueTicket({
        accountId: account.id,
        amountKopecks: input.amountKopecks,
        email: input.email ?? null,
        expires: now.getTime() + TICKET_LIFETIME_MS,
      }),
      holder: maskHolderName(account.holderName),
      address: maskedAddress(account),
      accountNumber: account.number,
      amountKopecks: input.amountKopecks,
    },
  };
}
