import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// The production build itself refuses to start half-configured: `next start` exits with one
// message naming every problem, and never answers a request.

const port = Number(process.env.E2E_PORT ?? 3100) + 50;
const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');

async function startProduction(vars: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    // Only what is given: none of the test run's own settings (DEMO, DATABASE_URL, …) leak in.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
      ...vars,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let answered = false;
  const deadline = Date.now() + 60_000;
  let code: number | null | undefined;
  while (code === undefined && Date.now() < deadline) {
    // Knock, in case the server prepares itself on the first request.
    fetch(`http://127.0.0.1:${port}/`)
      .then(() => (answered = true))
      .catch(() => {});
    code = await Promise.race([exited, new Promise<undefined>((r) => setTimeout(() => r(undefined), 500))]);
  }
  if (code === undefined) child.kill('SIGKILL');
  expect(answered, 'a refused server must never answer').toBe(false);
  return { code: code ?? null, output };
}

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test('an unconfigured production start refuses, naming each missing setting', async () => {
  const { code, output } = await startProduction({});
  expect(code).toBe(1);
  expect(output).toContain('Энергокабинет не запущен: настройки не годятся для работы.');
  for (const reason of [
    'AUTH_SECRET не задан',
    'APP_URL не задан',
    'DATABASE_URL не задан',
    'платёжный шлюз не настроен',
  ])
    expect(output).toContain(reason);
});

test('a test-mode gateway without the allowance and a malformed value refuse too', async () => {
  const { code, output } = await startProduction({
    AUTH_SECRET: 'k3J9v2xQ8pL4mN7rT1wY6zB5cH0dF2gS9aE4uI8o',
    APP_URL: 'https://lk.example.ru',
    DATABASE_URL: 'postgres://app@127.0.0.1:1/energo',
    ROBOKASSA_MERCHANT_LOGIN: 'energo',
    ROBOKASSA_PASSWORD1: 'first-password',
    ROBOKASSA_PASSWORD2: 'second-password',
    ROBOKASSA_TEST: '1',
  });
  expect(code).toBe(1);
  expect(output).toContain('ROBOKASSA_TEST=1');
  expect(output).toContain('PAYMENTS_TEST_MODE_OK=1');
  expect(output).not.toContain('AUTH_SECRET не задан');

  const malformed = await startProduction({ DEMO: '1', TRUST_PROXY_HOPS: 'many' });
  expect(malformed.code).toBe(1);
  expect(malformed.output).toContain('TRUST_PROXY_HOPS: «many»');
});
