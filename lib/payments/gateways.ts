import 'server-only';
import { createHmac } from 'node:crypto';
import { derivedKey } from '@/lib/security/keys';
import { demoOrDevelopment, env } from '@/lib/config/env';
import { configuredOrigin } from '@/lib/http/app-url';
import { MONETA_DEMO_ORIGIN, MONETA_ORIGIN, monetaGateway } from './gateway/moneta';
import { netpayGateway } from './gateway/netpay';
import { robokassaGateway } from './gateway/robokassa';
import { SANDBOX_MERCHANT_LOGIN, type SandboxConfig, sandboxGateway } from './gateway/sandbox/gateway';
import type { GatewayId, PaymentGateway } from './gateway/types';

// The one place that decides which gateway serves a payment: starting it, its notification, its
// refund, a bound card's charge. Robokassa, МОНЕТА and NET PAY each when its ROBOKASSA_*,
// MONETA_* or NETPAY_* settings are given; otherwise, and only in demo mode or development, the built-in sandbox at our configured
// origin. A production start without any refuses (lib/config/start-check.ts), so
// `activeGateway()` finding none is a bug.

function robokassa(): PaymentGateway | null {
  const e = env();
  if (!e.ROBOKASSA_MERCHANT_LOGIN || !e.ROBOKASSA_PASSWORD1 || !e.ROBOKASSA_PASSWORD2) return null;
  return robokassaGateway({
    merchantLogin: e.ROBOKASSA_MERCHANT_LOGIN,
    password1: e.ROBOKASSA_PASSWORD1,
    password2: e.ROBOKASSA_PASSWORD2,
    password3: e.ROBOKASSA_PASSWORD3,
    isTest: e.ROBOKASSA_TEST,
    hash: e.ROBOKASSA_HASH,
  });
}

function moneta(): PaymentGateway | null {
  const e = env();
  if (!e.MONETA_ACCOUNT_ID || !e.MONETA_INTEGRITY_CODE) return null;
  return monetaGateway({
    accountId: e.MONETA_ACCOUNT_ID,
    integrityCode: e.MONETA_INTEGRITY_CODE,
    isTest: e.MONETA_TEST,
    origin: e.MONETA_DEMO_SITE ? MONETA_DEMO_ORIGIN : MONETA_ORIGIN,
  });
}

/** NET PAY's notification endpoint, named in each payment request (param1=callback). */
const NETPAY_RESULT_PATH = '/api/payments/netpay/result';

function netpay(): PaymentGateway | null {
  const e = env();
  if (!e.NETPAY_API_KEY || !e.NETPAY_AUTH) return null;
  return netpayGateway({
    apiKey: e.NETPAY_API_KEY,
    auth: e.NETPAY_AUTH,
    isTest: e.NETPAY_TEST,
    sendsReceipts: e.NETPAY_RECEIPTS,
    notificationUrl: configuredOrigin() + NETPAY_RESULT_PATH,
  });
}

/**
 * The sandbox's passwords: SANDBOX_PASSWORD1/2 when set (the benchmark and fault harness sign
 * notifications themselves), otherwise derived from AUTH_SECRET — never a constant in the source.
 */
export function sandboxConfig(): SandboxConfig {
  const e = env();
  const derive = (label: string) =>
    createHmac('sha256', derivedKey('sandbox-password')).update(label).digest('base64url');
  return {
    merchantLogin: SANDBOX_MERCHANT_LOGIN,
    password1: e.SANDBOX_PASSWORD1 ?? derive('sandbox-password-1'),
    password2: e.SANDBOX_PASSWORD2 ?? derive('sandbox-password-2'),
    hash: 'md5',
  };
}

/** The sandbox exists only in demo mode or development, and only while no real gateway is configured. */
export function sandboxActive(): boolean {
  return demoOrDevelopment() && robokassa() === null && moneta() === null && netpay() === null;
}

/** The gateway named by a stored payment or a notification endpoint; null when it is not available here. */
export function gatewayFor(id: GatewayId): PaymentGateway | null {
  switch (id) {
    case 'robokassa':
      return robokassa();
    case 'moneta':
      return moneta();
    case 'netpay':
      return netpay();
    case 'sandbox':
      return sandboxActive() ? sandboxGateway({ origin: configuredOrigin(), config: sandboxConfig() }) : null;
    default: {
      const unknown: never = id;
      throw new Error(`unknown payment gateway ${String(unknown)}`);
    }
  }
}

/** The gateway new payments go through. */
export function activeGatewayId(): GatewayId {
  if (robokassa()) return 'robokassa';
  if (moneta()) return 'moneta';
  if (netpay()) return 'netpay';
  return 'sandbox';
}

export function activeGateway(): PaymentGateway {
  const gateway = gatewayFor(activeGatewayId());
  if (!gateway)
    throw new Error(
      'Платёжный шлюз не настроен: задайте ROBOKASSA_*, MONETA_* или NETPAY_* (песочница — только при DEMO=1)',
    );
  return gateway;
}

/** A stored payment's gateway id, checked: the column is text. */
export function isGatewayId(id: string): id is GatewayId {
  return id === 'robokassa' || id === 'sandbox' || id === 'moneta' || id === 'netpay';
}

/** How each gateway is named to the payer when there is a choice. */
const GATEWAY_LABELS: Record<GatewayId, string> = {
  robokassa: 'Robokassa',
  moneta: 'МОНЕТА (НКО «МОНЕТА»)',
  netpay: 'NET PAY',
  sandbox: 'Песочница',
};

/**
 * The gateways a payer may choose between, in a fixed order; the first is the default. One entry
 * (or the sandbox alone) means there is nothing to choose and the payment page shows no choice.
 */
export function gatewayChoices(): { value: GatewayId; label: string }[] {
  const real = (['robokassa', 'moneta', 'netpay'] as const).filter((id) => gatewayFor(id) !== null);
  const ids: GatewayId[] = real.length > 0 ? [...real] : ['sandbox'];
  return ids.map((id) => ({ value: id, label: GATEWAY_LABELS[id] }));
}

/** The gateway the payer chose, when it is configured here; the default one otherwise. */
export function chosenGateway(choice: string | undefined): PaymentGateway {
  if (choice && isGatewayId(choice) && gatewayChoices().some((c) => c.value === choice)) {
    const gateway = gatewayFor(choice);
    if (gateway) return gateway;
  }
  return activeGateway();
}
