import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

const launchOptions = chromiumLaunchOptions;

// Without DATABASE_URL the server runs on a fresh embedded database, never on ./.data.
const serverEnv: Record<string, string> = { ...(process.env as Record<string, string>) };
if (!process.env.DATABASE_URL) {
  // Remembered in the environment so the config, re-read by test workers, makes only one.
  process.env.E2E_PGLITE_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'ek-e2e-'));
  serverEnv.PGLITE_DATA_DIR = process.env.E2E_PGLITE_DATA_DIR;
}
serverEnv.AUTH_SECRET ??= 'e2e-only-secret-e2e-only-secret-e2e-only';
// Demo mode: the demo logins, the sandbox gateway, and the development mailbox the journeys read
// their letters (confirmation, recovery) from.
serverEnv.DEMO = '1';
// Links and the sandbox's callbacks go to this server, never to a host taken from a request.
serverEnv.APP_URL = baseURL;
// The test runner stands in for one reverse proxy: each test's X-Forwarded-For is its own client
// address (the per-address limits must not carry from one test to the next).
serverEnv.TRUST_PROXY_HOPS = '1';
// An address of the test's own: the contacts page lists the configured social pages.
serverEnv.SOCIAL_LINKS ??= 'ВКонтакте https://vk.com/energokabinet-e2e';

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  reporter: 'list',
  // A journey logs in (argon2id) and waits for letters: generous when the machine is busy.
  timeout: 60_000,
  use: { baseURL, screenshot: 'only-on-failure', trace: 'off', locale: 'ru-RU', timezoneId: 'Europe/Moscow' },
  projects: [
    { name: 'desktop', testIgnore: /\.mobile\.spec\.ts$/, use: { ...devices['Desktop Chrome'], launchOptions } },
    {
      name: 'mobile',
      testMatch: /\.mobile\.spec\.ts$/,
      use: {
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
        launchOptions,
      },
    },
  ],
  webServer: {
    command: `npx next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: serverEnv,
  },
});
