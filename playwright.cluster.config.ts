import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium';

// The scale-out check (`npm run test:cluster`, and `npm test` on Postgres when nginx is installed):
// two instances of the build behind nginx (scripts/cluster.ts) on the seeded e2e database.

const port = Number(process.env.CLUSTER_PORT ?? 3320);
const firstPort = port + 1;
const launchOptions = chromiumLaunchOptions;

if (!process.env.DATABASE_URL) throw new Error('the scale-out check runs on Postgres: set DATABASE_URL');

export default defineConfig({
  testDir: 'tests/cluster',
  workers: 1,
  reporter: 'list',
  timeout: 90_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    ...devices['Desktop Chrome'],
    launchOptions,
  },
  webServer: {
    command: 'npx tsx scripts/cluster.ts',
    url: `http://127.0.0.1:${port}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      ...(process.env as Record<string, string>),
      DEMO: '1',
      PORT: String(port),
      CLUSTER_INSTANCES: '2',
      CLUSTER_FIRST_PORT: String(firstPort),
      APP_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-only-secret-e2e-only-secret-e2e-only',
    },
  },
});
