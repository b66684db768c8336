import { SANDBOX_MERCHANT_LOGIN, type SandboxConfig } from '@/lib/payments/gateway/sandbox/gateway';

/**
 * The sandbox passwords of the tests (the product derives its own from AUTH_SECRET and writes none
 * down). The expected signatures in the unit tests were computed outside the code base with these.
 */
export const TEST_SANDBOX_PASSWORDS = {
  SANDBOX_PASSWORD1: 'sandbox-password-1',
  SANDBOX_PASSWORD2: 'sandbox-password-2',
};

export const testSandboxConfig: SandboxConfig = {
  merchantLogin: SANDBOX_MERCHANT_LOGIN,
  password1: TEST_SANDBOX_PASSWORDS.SANDBOX_PASSWORD1,
  password2: TEST_SANDBOX_PASSWORDS.SANDBOX_PASSWORD2,
  hash: 'md5',
};
