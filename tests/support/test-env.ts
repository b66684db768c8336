import { overrideEnv } from '@/lib/config/env';
import { TEST_SANDBOX_PASSWORDS } from './sandbox-fixtures';

// Every test file runs the app in demo mode (the sandbox gateway, the mailbox, test payments
// credited) with the sandbox passwords of the fixtures; a test of another configuration calls
// overrideEnv itself and restores this one afterwards.
overrideEnv({
  ...process.env,
  DEMO: '1',
  AUTH_SECRET: process.env.AUTH_SECRET ?? 'vitest-only-secret-vitest-only-secret-vitest',
  ...TEST_SANDBOX_PASSWORDS,
});
