import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { type ActionResult, fail } from '@/lib/actions/result';
import { sandboxConfig } from '@/lib/payments/gateways';
import { check3dsCode, checkSandboxCard, cvvError, expiryError, SANDBOX_MESSAGES } from './cards';
import {
  buildSandboxFailReturn,
  buildSandboxNotification,
  buildSandboxSuccessReturn,
  parseSandboxPaymentRequest,
  SANDBOX_RESULT_PATH,
  type SandboxPaymentRequest,
} from './gateway';
import { sandbox3dsSchema, sandboxCardSchema } from './schemas';
import { describeError, log } from '@/lib/log';

// The sandbox gateway's own side: what a real gateway does between our redirect and its
// notification — a card form, a 3-D Secure step, then the signed ResultURL call and the return.

export { sandbox3dsSchema, sandboxCardSchema };

export type SandboxStep = { step: '3ds'; cardMask: string; proof: string } | { step: 'done' };

export function parseRequest(query: string): ReturnType<typeof parseSandboxPaymentRequest> {
  return parseSandboxPaymentRequest(new URLSearchParams(query), sandboxConfig());
}

/** Binds the 3-D Secure step to the card the first step accepted. */
function proofFor(query: string, cardMask: string): string {
  return createHmac('sha256', sandboxConfig().password1).update(`3ds:${query}:${cardMask}`).digest('base64url');
}

function proofMatches(query: string, cardMask: string, proof: string): boolean {
  const expected = Buffer.from(proofFor(query, cardMask));
  const given = Buffer.from(proof);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Calls our own ResultURL like the gateway does, retrying a little: the payer is sent back only
 * once the shop has answered OK<InvId>. Also used for a bound card's charge (recurring.ts). `origin` is
 * our configured one (configuredOrigin), never a request's host: this is a server-side call.
 */
export async function notifyShop(
  origin: string,
  request: Pick<SandboxPaymentRequest, 'invId' | 'amountKopecks' | 'shp' | 'email'>,
  cardMask: string,
): Promise<boolean> {
  const fields = buildSandboxNotification(
    { invId: request.invId, amountKopecks: request.amountKopecks, shp: request.shp, cardMask, email: request.email },
    sandboxConfig(),
  );
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const response = await fetch(`${origin}${SANDBOX_RESULT_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
        signal: AbortSignal.timeout(10_000),
      });
      if ((await response.text()).trim() === `OK${request.invId}`) return true;
    } catch (error) {
      log.warn({ invId: request.invId, attempt, error: describeError(error) }, 'sandbox.notification_failed');
    }
    await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
  }
  return false;
}

function query(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export type SandboxResult = ActionResult<SandboxStep & { redirectTo?: string }>;

async function finish(origin: string, request: SandboxPaymentRequest, cardMask: string): Promise<SandboxResult> {
  if (!(await notifyShop(origin, request, cardMask))) {
    return fail('Магазин не подтвердил получение уведомления. Деньги не списаны — попробуйте ещё раз через минуту.');
  }
  return {
    ok: true,
    step: 'done',
    redirectTo: `/payments/success?${query(buildSandboxSuccessReturn({ invId: request.invId, amountKopecks: request.amountKopecks, shp: request.shp }, sandboxConfig()))}`,
  };
}

export async function sandboxCardStep(
  input: z.output<typeof sandboxCardSchema>,
  origin: string,
  now = new Date(),
): Promise<SandboxResult> {
  const request = parseRequest(input.request);
  if (!request.ok) return fail('Запрос на оплату повреждён или подписан неверно');
  const card = checkSandboxCard(input.card);
  const fieldErrors = {
    ...(card.ok ? {} : { card: card.error }),
    ...(expiryError(input.expiry, now) ? { expiry: expiryError(input.expiry, now)! } : {}),
    ...(cvvError(input.cvv) ? { cvv: cvvError(input.cvv)! } : {}),
  };
  if (!card.ok || Object.keys(fieldErrors).length > 0) return fail('Проверьте данные карты', fieldErrors);
  if (card.card.outcome === 'declined') {
    return {
      ok: true,
      step: 'done',
      message: SANDBOX_MESSAGES.declined,
      redirectTo: `/payments/fail?${query(buildSandboxFailReturn(request))}`,
    };
  }
  if (card.card.threeDS)
    return { ok: true, step: '3ds', cardMask: card.cardMask, proof: proofFor(input.request, card.cardMask) };
  return finish(origin, request, card.cardMask);
}

export async function sandbox3dsStep(input: z.output<typeof sandbox3dsSchema>, origin: string): Promise<SandboxResult> {
  const request = parseRequest(input.request);
  if (!request.ok || !proofMatches(input.request, input.cardMask, input.proof))
    return fail('Сеанс оплаты устарел — начните заново');
  const code = check3dsCode(input.code);
  if (!code.ok) return { ok: false, message: code.error, fieldErrors: { code: code.error } };
  return finish(origin, request, input.cardMask);
}
