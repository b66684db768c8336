import { createProtocolGateway } from './protocol';
import { createRobokassaRefund } from './robokassa-refund';
import { isHashAlgorithm } from './signature';
import { GatewayConfigError, type HashAlgorithm, type PaymentGateway } from './types';

// Robokassa (https://docs.robokassa.ru). The payer is sent by a POST form to
// `${baseUrl}/Merchant/Index.aspx`; Robokassa notifies our ResultURL server to server and sends
// the payer back to SuccessURL or FailURL (all three are set in the shop's technical settings:
// ResultURL → `${APP_URL}/api/payments/robokassa/result`). Card binding: a first payment with
// `Recurring=true`, then `POST ${baseUrl}/Merchant/Recurring` with `PreviousInvoiceID`.
//
// In test mode Robokassa checks signatures with the shop's separate *test* passwords: put those in
// ROBOKASSA_PASSWORD1/2 together with ROBOKASSA_TEST=1.

export const ROBOKASSA_BASE_URL = 'https://auth.robokassa.ru';
export const ROBOKASSA_RESULT_PATH = '/api/payments/robokassa/result';

export interface RobokassaConfig {
  merchantLogin: string;
  password1: string;
  password2: string;
  isTest: boolean;
  /** As chosen in the shop's technical settings; MD5 by default. */
  hash?: HashAlgorithm;
  /** `https://auth.robokassa.ru` unless given. */
  baseUrl?: string;
  /** Password #3, for the Refund API (issued on request «Доступ к API возвратов»); refunds are refused without it. */
  password3?: string;
  /** For tests of the refund calls; the global fetch otherwise. */
  fetch?: typeof fetch;
}

export function robokassaGateway(config: RobokassaConfig): PaymentGateway {
  const { merchantLogin, password1, password2 } = config;
  if (!merchantLogin || !password1 || !password2)
    throw new GatewayConfigError('Robokassa: нужны логин магазина и оба пароля');
  if (password1 === password2)
    throw new GatewayConfigError(
      'Robokassa: пароли №1 и №2 должны различаться, иначе подпись возврата покупателя подделывает уведомление об оплате',
    );
  const hash = config.hash ?? 'md5';
  if (!isHashAlgorithm(hash)) throw new GatewayConfigError(`Robokassa: неизвестный алгоритм подписи ${String(hash)}`);
  const base = new URL(config.baseUrl ?? ROBOKASSA_BASE_URL).origin;
  return createProtocolGateway({
    id: 'robokassa',
    isTest: config.isTest,
    merchantLogin,
    password1,
    password2,
    hash,
    payUrl: `${base}/Merchant/Index.aspx`,
    payMethod: 'POST',
    recurringUrl: `${base}/Merchant/Recurring`,
    recurringInTestMode: false,
    refund: createRobokassaRefund({
      merchantLogin,
      password2,
      password3: config.password3,
      hash,
      baseUrl: base,
      fetch: config.fetch,
    }),
  });
}

function parseFlag(name: string, value: string | undefined): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(v)) return false;
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  throw new GatewayConfigError(`${name}=${value}: ожидается 1 или 0`);
}

/**
 * Robokassa from ROBOKASSA_MERCHANT_LOGIN, ROBOKASSA_PASSWORD1, ROBOKASSA_PASSWORD2,
 * ROBOKASSA_TEST (1/0) and optionally ROBOKASSA_HASH (md5, sha256, sha384, sha512) and
 * ROBOKASSA_PASSWORD3 (refunds).
 * null when none of the three credentials is set; a partial set throws rather than silently
 * falling back to the sandbox.
 */
export function robokassaFromEnv(env: Record<string, string | undefined> = process.env): PaymentGateway | null {
  const merchantLogin = env.ROBOKASSA_MERCHANT_LOGIN?.trim() ?? '';
  const password1 = env.ROBOKASSA_PASSWORD1 ?? '';
  const password2 = env.ROBOKASSA_PASSWORD2 ?? '';
  const set = [merchantLogin, password1, password2].filter(Boolean).length;
  if (set === 0) return null;
  if (set < 3) {
    throw new GatewayConfigError(
      'Robokassa настроена не полностью: задайте ROBOKASSA_MERCHANT_LOGIN, ROBOKASSA_PASSWORD1 и ROBOKASSA_PASSWORD2 (или ни одну)',
    );
  }
  const hash = (env.ROBOKASSA_HASH?.trim().toLowerCase() || 'md5') as HashAlgorithm;
  if (!isHashAlgorithm(hash))
    throw new GatewayConfigError(`ROBOKASSA_HASH=${env.ROBOKASSA_HASH}: ожидается md5, sha256, sha384 или sha512`);
  return robokassaGateway({
    merchantLogin,
    password1,
    password2,
    password3: env.ROBOKASSA_PASSWORD3 || undefined,
    isTest: parseFlag('ROBOKASSA_TEST', env.ROBOKASSA_TEST),
    hash,
  });
}
