import 'server-only';
import { createHmac } from 'node:crypto';
import { derivedKey } from '@/lib/security/keys';
import { demoOrDevelopment, env } from '@/lib/config/env';
import { configuredOrigin } from '@/lib/http/app-url';
import { robokassaGateway } from './gateway/robokassa';
import { SANDBOX_MERCHANT_LOGIN, type SandboxConfig, sandboxGateway } from './gateway/sandbox/gateway';
import type { GatewayId, PaymentGateway } from './gateway/types';

// The one place that decides which gateway serves a payment: starting it, its notification, its
// refund, a bound card's charge. Robokassa when ROBOKASSA_* is configured; otherwise, and only in
// demo mode or development, the built-in sandbox at our configured origin. A production start
// without either refuses (lib/config/start-check.ts), so `activeGateway()` finding none is a bug.

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
  return demoOrDevelopment() && robokassa() === null;
}

/** The gateway named by a stored payment or a notification endpoint; null when it is not available here. */
export function gatewayFor(id: GatewayId): PaymentGateway | null {
  switch (id) {
    case 'robokassa':
      return robokassa();
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
  return robokassa() ? 'robokassa' : 'sandbox';
}

export function activeGateway(): PaymentGateway {
  const gateway = gatewayFor(activeGatewayId());
  if (!gateway) throw new Error('Платёжный шлюз не настроен: задайте ROBOKASSA_* (песочница — только при DEMO=1)');
  return gateway;
}

/** A stored payment's gateway id, checked: the column is text. */
export function isGatewayId(id: string): id is GatewayId {
  return id === 'robokassa' || id === 'sandbox';
}
