import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as sandboxResult } from '@/app/api/payments/sandbox/result/route';
import * as robokassaResult from '@/app/api/payments/robokassa/result/route';
import DevMailboxMessagePage from '@/app/dev/mailbox/[id]/page';
import DevMailboxPage from '@/app/dev/mailbox/page';
import SandboxPayPage from '@/app/sandbox/pay/page';
import { POST as sandboxRecurring } from '@/app/sandbox/recurring/route';
import { overrideEnv } from '@/lib/config/env';
import { isDevMailboxEnabled, transportFromEnv } from '@/lib/email/transport';
import { activeGatewayId, sandboxActive } from '@/lib/payments/gateways';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';

vi.mock('@/auth', () => ({ auth: async () => null }));

// What only a demonstration may have — the sandbox gateway and the development mailbox — is not
// there outside demo mode and development: its routes answer 404 as if they did not exist.

const production = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'k3J9v2xQ8pL4mN7rT1wY6zB5cH0dF2gS9aE4uI8o',
  APP_URL: 'https://lk.example.ru',
  DATABASE_URL: 'postgres://app@db.example.ru:5432/energo',
  ROBOKASSA_MERCHANT_LOGIN: 'energo',
  ROBOKASSA_PASSWORD1: 'first-password',
  ROBOKASSA_PASSWORD2: 'second-password',
};

const form = (fields: Record<string, string>) =>
  new Request('https://lk.example.ru/x', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

const notFoundOf = async (render: () => Promise<unknown>) => {
  try {
    await render();
    return 'rendered';
  } catch (error) {
    return (error as { digest?: string }).digest ?? String(error);
  }
};

let t: TestDatabase;
let restoreDb: () => void;
let restoreEnv: (() => void) | undefined;
beforeAll(async () => {
  t = await createTestDatabase();
  restoreDb = useAsGlobalDb(t.handle);
});
afterEach(() => restoreEnv?.());
afterAll(async () => {
  restoreDb();
  await t.drop();
});

describe('outside demo mode (production)', () => {
  it('has no sandbox: its pay page, ResultURL and recurring endpoint answer 404', async () => {
    restoreEnv = overrideEnv(production);
    expect(sandboxActive()).toBe(false);
    expect(activeGatewayId()).toBe('robokassa');
    expect((await sandboxResult(form({ OutSum: '1.00', InvId: '1', SignatureValue: 'x' }))).status).toBe(404);
    expect((await sandboxRecurring(form({ MerchantLogin: 'x', InvoiceID: '2' }))).status).toBe(404);
    expect(await notFoundOf(() => SandboxPayPage({ searchParams: Promise.resolve({}) } as never))).toBe(
      'NEXT_HTTP_ERROR_FALLBACK;404',
    );
  });

  it('has no development mailbox: both its pages answer 404 and letters wait for a real provider', async () => {
    restoreEnv = overrideEnv(production);
    expect(isDevMailboxEnabled()).toBe(false);
    expect(transportFromEnv().name).toBe('unconfigured');
    expect(await notFoundOf(() => DevMailboxPage({ searchParams: Promise.resolve({}) } as never))).toBe(
      'NEXT_HTTP_ERROR_FALLBACK;404',
    );
    expect(
      await notFoundOf(() => DevMailboxMessagePage({ params: Promise.resolve({ id: crypto.randomUUID() }) } as never)),
    ).toBe('NEXT_HTTP_ERROR_FALLBACK;404');
  });

  it('takes Robokassa notifications by POST only', () => {
    expect(typeof robokassaResult.POST).toBe('function');
    expect('GET' in robokassaResult).toBe(false);
  });
});

describe('in demo mode', () => {
  it('has the sandbox (while no real gateway is configured) and the mailbox', async () => {
    restoreEnv = overrideEnv({ NODE_ENV: 'production', DEMO: '1', AUTH_SECRET: production.AUTH_SECRET });
    expect(sandboxActive()).toBe(true);
    expect(activeGatewayId()).toBe('sandbox');
    expect(isDevMailboxEnabled()).toBe(true);
    expect(transportFromEnv().name).toBe('dev-mailbox');
    // The route exists: a malformed notification is refused, not «not found».
    expect((await sandboxResult(form({ OutSum: '1.00', InvId: '1', SignatureValue: 'x' }))).status).toBe(400);
    expect(await notFoundOf(() => DevMailboxPage({ searchParams: Promise.resolve({}) } as never))).toBe('rendered');
  });

  it('closes the sandbox once a real gateway is configured, and the mailbox once a real provider is', () => {
    restoreEnv = overrideEnv({ ...production, DEMO: '1', RESEND_API_KEY: 're_test_key' });
    expect(sandboxActive()).toBe(false);
    expect(isDevMailboxEnabled()).toBe(false);
  });
});
