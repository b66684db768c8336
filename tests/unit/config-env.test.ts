import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema, parseEnv, readEnv } from '@/lib/config/env';

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
        // Next.js's own runtime signals in instrumentation.ts are not configuration.
        .some((line) => /process\.env/.test(line) && !/process\.env\.NEXT_(RUNTIME|PHASE)\b/.test(line)),
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
