import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema, parseEnv, readEnv } from '@/lib/config/env';
import { productionProblems } from '@/lib/config/start-check';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const schemaNames = Object.keys(envSchema.shape).sort();

describe('the configuration is documented where people look', () => {
  it('.env.example lists exactly the variables the schema reads', () => {
    const listed = [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
    expect([...listed].sort()).toEqual(schemaNames);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('each variable in .env.example has a comment above it', () => {
    const lines = read('.env.example').split('\n');
    lines.forEach((line, i) => {
      if (!/^[A-Z][A-Z0-9_]*=/.test(line)) return;
      let j = i - 1;
      while (j >= 0 && /^[A-Z][A-Z0-9_]*=/.test(lines[j]!)) j--;
      expect(lines[j], `${line} needs a comment`).toMatch(/^# /);
    });
  });

  it('the README configuration table names exactly the same variables', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('Tooling reads a few more'));
    const rows = section.split('\n').filter((line) => line.startsWith('| `'));
    const named = rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!));
    expect([...named].sort()).toEqual(schemaNames);
  });
});

describe('only lib/config/env.ts reads process.env', () => {
  const productDirs = ['app', 'lib', 'db', 'components'];
  const files = (dir: string): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) return files(rel);
      return /\.(ts|tsx)$/.test(entry.name) ? [rel] : [];
    });

  it('holds for the product code', () => {
    const readers = [...productDirs.flatMap(files), 'auth.ts', 'instrumentation.ts'].filter((file) =>
      read(file)
        .split('\n')
        // Next.js's own runtime signals in instrumentation.ts are not configuration, nor is NODE_ENV,
        // which the bundler writes into client code as a constant.
        .some((line) => /process\.env/.test(line) && !/process\.env\.(NEXT_(RUNTIME|PHASE)|NODE_ENV)\b/.test(line)),
    );
    expect(readers).toEqual([path.join('lib', 'config', 'env.ts')]);
  });
});

describe('parsing', () => {
  it('gives defaults for what is unset and types for what is set', () => {
    const env = parseEnv({ PORT: '8080', DEMO: 'yes', TRUST_PROXY_HOPS: '1', APP_URL: 'https://lk.example.ru/' });
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 8080,
      DEMO: true,
      TRUST_PROXY_HOPS: 1,
      DB_POOL_MAX: 10,
      APP_URL: 'https://lk.example.ru',
      ROBOKASSA_HASH: 'md5',
      BACKGROUND_JOBS: 'on',
    });
    expect(parseEnv({ DEMO: '', ROBOKASSA_TEST: '0', ROBOKASSA_HASH: 'SHA256' })).toMatchObject({
      DEMO: false,
      ROBOKASSA_TEST: false,
      ROBOKASSA_HASH: 'sha256',
    });
  });

  it('names every malformed variable at once', () => {
    const result = readEnv({
      DEMO: 'maybe',
      PORT: '0',
      DATABASE_URL: 'mysql://x',
      BACKGROUND_JOBS: 'sometimes',
      SANDBOX_PASSWORD1: 'same',
      SANDBOX_PASSWORD2: 'same',
    });
    expect(result.ok).toBe(false);
    const names = result.ok ? [] : result.problems.map((p) => p.split(':')[0]);
    expect(names.sort()).toEqual(['BACKGROUND_JOBS', 'DATABASE_URL', 'DEMO', 'PORT', 'SANDBOX_PASSWORD2']);
    expect(() => parseEnv({ PORT: 'http' })).toThrow(/PORT: «http»: ожидается целое число/);
  });
});

describe('SOCIAL_LINKS', () => {
  const base = { NODE_ENV: 'test' };

  it('reads titled https links separated by «;» or new lines, in order; unset is none', () => {
    expect(readEnv(base)).toMatchObject({ ok: true, env: { SOCIAL_LINKS: [] } });
    const read = readEnv({ ...base, SOCIAL_LINKS: 'ВКонтакте https://vk.com/istra ;\nTelegram https://t.me/istra' });
    expect(read).toMatchObject({
      ok: true,
      env: {
        SOCIAL_LINKS: [
          { title: 'ВКонтакте', url: 'https://vk.com/istra' },
          { title: 'Telegram', url: 'https://t.me/istra' },
        ],
      },
    });
  });

  it('refuses a link without a title or not over https, naming it', () => {
    for (const bad of ['https://vk.com/istra', 'ВКонтакте http://vk.com/istra', 'ВКонтакте vk.com']) {
      const read = readEnv({ ...base, SOCIAL_LINKS: bad });
      expect(read.ok, bad).toBe(false);
      if (!read.ok) expect(read.problems.join(' ')).toMatch(/SOCIAL_LINKS.*Название https:\/\/адрес/);
    }
  });
});

describe('SMS.ru settings', () => {
  const api = '0A1B2C3D-0000-1111-2222-333344445555';

  it('reads a complete setting and refuses a malformed or incomplete one', () => {
    expect(readEnv({ SMSRU_API_ID: api, SMSRU_FROM: 'Energo' })).toMatchObject({
      ok: true,
      env: { SMSRU_API_ID: api, SMSRU_FROM: 'Energo', SMSRU_TEST: false },
    });
    const malformed = readEnv({ SMSRU_API_ID: 'key' });
    expect(malformed.ok || malformed.problems.join('\n')).toMatch(/^SMSRU_API_ID: ожидается api_id SMS\.ru/);
    const incomplete = readEnv({ SMSRU_FROM: 'Energo' });
    expect(incomplete.ok || incomplete.problems.join('\n')).toMatch(/SMS\.ru настроен не полностью/);
    const badSender = readEnv({ SMSRU_API_ID: api, SMSRU_FROM: 'Энергосбыт' });
    expect(badSender.ok || badSender.problems.join('\n')).toMatch(/^SMSRU_FROM:/);
  });

  it('refuses production with push on and no VAPID keys, and half a key pair anywhere', () => {
    const keys = {
      VAPID_PUBLIC_KEY: 'BDzASCCINcGX60rVtGYnWhuMKbWcnfM929gGY-NTnAvrd0LTSsV3fh-2CLGNFDab0-COEjZ8M8oWKbyBxTTCRjk',
      VAPID_PRIVATE_KEY: 'dlDymOW6G_uGERvCIvv59MQ7SrXzCVaRCIDKg8Diico',
      VAPID_SUBJECT: 'mailto:push@example.ru',
    };
    const bare = readEnv({ NODE_ENV: 'production', PUSH_NOTIFICATIONS: '1' });
    expect(bare.ok && productionProblems(bare.env).join('\n')).toMatch(/PUSH_NOTIFICATIONS=1 .* VAPID_PUBLIC_KEY/);
    const keyed = readEnv({ NODE_ENV: 'production', PUSH_NOTIFICATIONS: '1', ...keys });
    expect(keyed.ok && productionProblems(keyed.env).join('\n')).not.toMatch(/VAPID/);
    const half = readEnv({ VAPID_PUBLIC_KEY: keys.VAPID_PUBLIC_KEY });
    expect(half.ok || half.problems.join('\n')).toMatch(/^VAPID_PUBLIC_KEY: ключи VAPID заданы не полностью/);
  });

  it('refuses to start production in SMS.ru test mode', () => {
    const read = readEnv({ NODE_ENV: 'production', SMSRU_API_ID: api, SMSRU_TEST: '1' });
    expect(read.ok).toBe(true);
    if (read.ok) expect(productionProblems(read.env).join('\n')).toMatch(/SMSRU_TEST=1/);
  });
});

describe('RESEND_API_URL', () => {
  it('keeps the origin of an http(s) address and refuses anything else', () => {
    const read = readEnv({ RESEND_API_URL: 'http://127.0.0.1:4010/emails' });
    expect(read.ok && read.env.RESEND_API_URL).toBe('http://127.0.0.1:4010');
    const bad = readEnv({ RESEND_API_URL: 'ftp://relay.example.ru' });
    expect(bad.ok || bad.problems.join('\n')).toMatch(/^RESEND_API_URL: /);
  });

  it('refuses production without https, but not a demonstration', () => {
    const plain = readEnv({ NODE_ENV: 'production', RESEND_API_URL: 'http://relay.example.ru' });
    expect(plain.ok && productionProblems(plain.env).join('\n')).toMatch(/RESEND_API_URL=http:\/\/relay\.example\.ru/);
    const secure = readEnv({ NODE_ENV: 'production', RESEND_API_URL: 'https://relay.example.ru' });
    expect(secure.ok && productionProblems(secure.env).join('\n')).not.toMatch(/RESEND_API_URL/);
    const demo = readEnv({ NODE_ENV: 'production', DEMO: '1', RESEND_API_URL: 'http://127.0.0.1:4010' });
    expect(demo.ok && productionProblems(demo.env)).toEqual([]);
  });
});

describe('readings by reply', () => {
  it('refuses a reply domain without the webhook secret and the API key that read the replies', () => {
    const problems = readEnv({ INBOUND_EMAIL_DOMAIN: 'reply.lk.example.ru' });
    expect(problems.ok).toBe(false);
    expect(readEnv({ RESEND_WEBHOOK_SECRET: 'not-a-secret' }).ok).toBe(false);
    const ok = readEnv({
      INBOUND_EMAIL_DOMAIN: 'Reply.LK.example.ru',
      RESEND_API_KEY: 're_123',
      RESEND_WEBHOOK_SECRET: `whsec_${Buffer.from('0123456789abcdef0123').toString('base64')}`,
    });
    expect(ok.ok && ok.env.INBOUND_EMAIL_DOMAIN).toBe('reply.lk.example.ru');
  });
});
