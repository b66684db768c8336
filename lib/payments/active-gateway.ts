import 'server-only';
import { createHmac } from 'node:crypto';
import { authSecret } from '@/lib/config/auth-secret';
import { robokassaFromEnv } from './gateway/robokassa';
import { type SandboxConfig, sandboxConfigFromEnv, sandboxGateway } from './gateway/sandbox';
import type { PaymentGateway } from './gateway/types';

/**
 * The sandbox's passwords: SANDBOX_PASSWORD1/2 when set, otherwise derived from AUTH_SECRET —
 * never the defaults printed in the source, or anyone could sign a notification to this instance.
 */
export function sandboxConfig(): SandboxConfig {
  const derive = (label: string) => createHmac('sha256', authSecret()).update(label).digest('base64url');
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
