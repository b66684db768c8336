import { createProtocolGateway } from './protocol';
import { createRobokassaRefund, createRobokassaRefundState } from './robokassa-refund';
import { isHashAlgorithm } from './signature';
import { GatewayConfigError, type HashAlgorithm, type PaymentGateway } from './types';

// Robokassa (https://docs.robokassa.ru). The payer is sent by a POST form to
// `${baseUrl}/Merchant/Index.aspx`; Robokassa notifies our ResultURL server to server and sends
// the payer back to SuccessURL or FailURL (all three are set in the shop's technical settings:
// ResultURL → `${APP_URL}/api/payments/robokassa/result`). Card binding: a first payment with
// `Recurring=true`, then `POST ${baseUrl}/Merchant/Recurring` with `PreviousInvoiceID`.
//
// In test mode Robokassa checks signatures with the shop's separate *test* passwords: put those in
// ROBOKASSA_PASSWORD1/2 together with ROBOKASSA_TEST=1. The configuration is read in
// lib/payments/gateways.ts.

export const ROBOKASSA_BASE_URL = 'https://auth.robokassa.ru';

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
    refundState: createRobokassaRefundState({ fetch: config.fetch }),
  });
}
