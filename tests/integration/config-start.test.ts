import { count } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { users, utilityProfile } from '@/db/schema';
import { env, overrideEnv } from '@/lib/config/env';
import { refusalMessage, StartRefused, startProblems } from '@/lib/config/start-check';
import { checkedEnv, prepareServer } from '@/lib/startup';
import { configuredOrigin } from '@/lib/http/app-url';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';

// A production start fails closed: each missing or contradictory setting is named, all at once,
// and nothing starts. Demo mode is the one explicit way to run the build as a demonstration.

const production = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'k3J9v2xQ8pL4mN7rT1wY6zB5cH0dF2gS9aE4uI8o',
  APP_URL: 'https://lk.example.ru',
  DATABASE_URL: 'postgres://app@db.example.ru:5432/energo',
  ROBOKASSA_MERCHANT_LOGIN: 'energo',
  ROBOKASSA_PASSWORD1: 'first-password',
  ROBOKASSA_PASSWORD2: 'second-password',
};

const without = (...names: (keyof typeof production)[]) =>
  Object.fromEntries(Object.entries(production).filter(([k]) => !names.includes(k as keyof typeof production)));

describe('a production start', () => {
  it('starts with everything configured', () => {
    expect(startProblems(production)).toEqual([]);
  });

  it.each([
    ['AUTH_SECRET', /^AUTH_SECRET не задан/],
    ['APP_URL', /^APP_URL не задан/],
    ['DATABASE_URL', /^DATABASE_URL не задан: .*встроенной базе.*DEMO=1/],
  ] as const)('refuses without %s', (name, reason) => {
    const problems = startProblems(without(name));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(reason);
  });

  it('refuses without a payment gateway: the sandbox is only for demo mode', () => {
    const problems = startProblems(without('ROBOKASSA_MERCHANT_LOGIN', 'ROBOKASSA_PASSWORD1', 'ROBOKASSA_PASSWORD2'));
    expect(problems).toEqual([expect.stringMatching(/^платёжный шлюз не настроен.*песочница.*DEMO=1/)]);
  });

  it('refuses a half-configured gateway rather than falling back to the sandbox', () => {
    const problems = startProblems(without('ROBOKASSA_PASSWORD2'));
    expect(problems.join('\n')).toMatch(/Robokassa настроена не полностью/);
  });

  it('refuses the gateway’s test mode unless it is explicitly allowed', () => {
    expect(startProblems({ ...production, ROBOKASSA_TEST: '1' })).toEqual([
      expect.stringMatching(/^ROBOKASSA_TEST=1 .*PAYMENTS_TEST_MODE_OK=1/),
    ]);
    expect(startProblems({ ...production, ROBOKASSA_TEST: '1', PAYMENTS_TEST_MODE_OK: '1' })).toEqual([]);
  });

  it('refuses a short secret and malformed values, naming each variable', () => {
    const problems = startProblems({
      ...production,
      AUTH_SECRET: 'short',
      TRUST_PROXY_HOPS: 'two',
      APP_URL: 'lk.example.ru',
      ROBOKASSA_HASH: 'crc32',
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['APP_URL', 'TRUST_PROXY_HOPS', 'ROBOKASSA_HASH']),
    );
    expect(startProblems({ ...production, AUTH_SECRET: 'short' })).toEqual([
      expect.stringMatching(/^AUTH_SECRET короче 32 символов/),
    ]);
  });

  it('names every problem of an empty configuration in one message', () => {
    const problems = startProblems({ NODE_ENV: 'production' });
    expect(problems).toHaveLength(4);
    const message = refusalMessage(problems);
    for (const name of ['AUTH_SECRET', 'APP_URL', 'DATABASE_URL', 'ROBOKASSA_MERCHANT_LOGIN'])
      expect(message).toContain(name);
    expect(message.split('\n')[0]).toBe('Энергокабинет не запущен: настройки не годятся для работы.');
  });

  it('starts in demo mode with nothing else set (`npm run demo`), and in development', () => {
    expect(startProblems({ NODE_ENV: 'production', DEMO: '1' })).toEqual([]);
    expect(startProblems({ NODE_ENV: 'development' })).toEqual([]);
    expect(startProblems({})).toEqual([]);
  });
});

describe('the server start', () => {
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

  it('throws the refusal, not a half-started server', async () => {
    restoreEnv = overrideEnv({ NODE_ENV: 'production', APP_URL: 'https://lk.example.ru', BACKGROUND_JOBS: 'off' });
    expect(() => checkedEnv()).toThrow(StartRefused);
    await expect(prepareServer()).rejects.toThrow(/AUTH_SECRET не задан[\s\S]*DATABASE_URL не задан/);
  });

  it('leaves a production database empty: no demo data, no demo logins', async () => {
    restoreEnv = overrideEnv({ ...production, BACKGROUND_JOBS: 'off' });
    await prepareServer();
    const [people] = await t.db.select({ n: count() }).from(users);
    const [profile] = await t.db.select({ n: count() }).from(utilityProfile);
    expect(people!.n).toBe(0);
    expect(profile!.n).toBe(0);
  });

  it('loads the demo data in demo mode, and links go to this instance on localhost', async () => {
    restoreEnv = overrideEnv({ NODE_ENV: 'production', DEMO: '1', PORT: '4123', BACKGROUND_JOBS: 'off' });
    expect(configuredOrigin()).toBe('http://localhost:4123');
    await prepareServer();
    const [people] = await t.db.select({ n: count() }).from(users);
    expect(people!.n).toBeGreaterThan(0);
  });

  it('takes links from APP_URL only', () => {
    restoreEnv = overrideEnv({ ...production, APP_URL: 'https://lk.example.ru/cabinet?x=1' });
    expect(configuredOrigin()).toBe('https://lk.example.ru');
    expect(env().APP_URL).toBe('https://lk.example.ru');
  });
});
