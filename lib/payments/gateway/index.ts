import { robokassaFromEnv } from './robokassa';
import { sandboxConfigFromEnv, sandboxGateway } from './sandbox';
import type { GatewayId, PaymentGateway } from './types';

// Which gateway the app uses: Robokassa when ROBOKASSA_* is configured, otherwise the built-in
// sandbox (and the payment page says so: `gateway.id === 'sandbox'`).

export interface GatewayEnvOptions {
  /** Our public origin for the sandbox's pages; APP_URL/AUTH_URL or localhost:PORT if absent. */
  origin?: string;
  env?: Record<string, string | undefined>;
}

function originFrom(opts: GatewayEnvOptions, env: Record<string, string | undefined>): string {
  if (opts.origin) return new URL(opts.origin).origin;
  const configured = env.APP_URL ?? env.AUTH_URL;
  return configured ? new URL(configured).origin : `http://localhost:${env.PORT ?? '3000'}`;
}

export function paymentGatewayFromEnv(opts: GatewayEnvOptions = {}): PaymentGateway {
  const env = opts.env ?? process.env;
  return robokassaFromEnv(env) ?? sandboxGateway({ origin: originFrom(opts, env), config: sandboxConfigFromEnv(env) });
}

/**
 * The gateway a stored payment went through, e.g. for its notification endpoint
 * (`/api/payments/<id>/result`). null for Robokassa when it is not configured.
 */
export function gatewayById(id: GatewayId, opts: GatewayEnvOptions = {}): PaymentGateway | null {
  const env = opts.env ?? process.env;
  if (id === 'robokassa') return robokassaFromEnv(env);
  if (id === 'sandbox') return sandboxGateway({ origin: originFrom(opts, env), config: sandboxConfigFromEnv(env) });
  return null;
}

export * from './types';
export { kopecksToOutSum, kopecksToDecimal, outSumToKopecks, decimalToKopecksRounded } from './money';
export {
  receiptItem,
  buildReceipt,
  receiptProblem,
  receiptTotalKopecks,
  encodeReceipt,
  decodeReceipt,
  RECEIPT_NAME_MAX,
} from './receipt';
export { recurringAccepted, redirectHref, DESCRIPTION_MAX } from './protocol';
export { robokassaGateway, robokassaFromEnv, ROBOKASSA_RESULT_PATH, type RobokassaConfig } from './robokassa';
export {
  sandboxGateway,
  sandboxConfigFromEnv,
  sandboxUsesDefaultPasswords,
  SANDBOX_PAY_PATH,
  SANDBOX_RECURRING_PATH,
  SANDBOX_RESULT_PATH,
  type SandboxConfig,
} from './sandbox';
