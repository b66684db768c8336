import 'server-only';
import { createHmac } from 'node:crypto';
import { derivedKey } from '@/lib/security/keys';
import { robokassaFromEnv } from './gateway/robokassa';
import { type SandboxConfig, sandboxConfigFromEnv, sandboxGateway } from './gateway/sandbox';
import type { PaymentGateway } from './gateway/types';

/**
 * The sandbox's passwords: SANDBOX_PASSWORD1/2 when set, otherwise derived from AUTH_SECRET —
 * never the defaults printed in the source, or anyone could sign a notification to this instance.
 * (An HKDF sub-key of AUTH_SECRET: the sandbox never holds the session secret itself.)
 */
export function sandboxConfig(): SandboxConfig {
  const derive = (label: string) =>
    createHmac('sha256', derivedKey('sandbox-password')).update(label).digest('base64url');
  return sandboxConfigFromEnv({
    SANDBOX_PASSWORD1: process.env.SANDBOX_PASSWORD1 || derive('sandbox-password-1'),
    SANDBOX_PASSWORD2: process.env.SANDBOX_PASSWORD2 || derive('sandbox-password-2'),
  });
}

/** Robokassa when ROBOKASSA_* is configured, otherwise the built-in sandbox at our own origin. */
export function activeGateway(origin: string): PaymentGateway {
  return robokassaFromEnv() ?? sandboxGateway({ origin, config: sandboxConfig() });
}

/** The sandbox exists only while no real gateway is configured. */
export function sandboxActive(): boolean {
  return robokassaFromEnv() === null;
}
