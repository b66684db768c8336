// The app's configuration: every environment variable the product reads, parsed once with zod into
// a typed object. Nothing else in app/, lib/, db/, auth.ts or instrumentation.ts reads
// `process.env` (a test enforces it); tooling (scripts/, tests/, bench/, next.config.ts) may.
//
// No `server-only` here: db/client.ts and the seed load this from plain Node scripts too. Nothing
// in it is sent to a browser — a client component importing it would only see `undefined`s.
import { z } from 'zod';

type Source = Record<string, string | undefined>;

const FALSE = ['', '0', 'false', 'no', 'off'];
const TRUE = ['1', 'true', 'yes', 'on'];

/** `1`/`0` (also true/false, yes/no, on/off); unset is off. */
const flag = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const v = (raw ?? '').trim().toLowerCase();
    if (FALSE.includes(v)) return false;
    if (TRUE.includes(v)) return true;
    ctx.addIssue({ code: 'custom', message: `«${raw}»: ожидается 1 или 0` });
    return z.NEVER;
  });

/** Text where empty means unset; trimmed. */
const text = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined);

/** A secret: empty means unset; never trimmed (a space may be part of it). */
const secret = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

function integer(min: number, max: number, fallback: number) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw?.trim()) return fallback;
      const n = Number(raw.trim());
      if (Number.isInteger(n) && n >= min && n <= max) return n;
      ctx.addIssue({ code: 'custom', message: `«${raw}»: ожидается целое число от ${min} до ${max}` });
      return z.NEVER;
    });
}

/** An http(s) address; only its origin is kept (`https://lk.example.ru/x` → `https://lk.example.ru`). */
const origin = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (!raw?.trim()) return undefined;
    try {
      const url = new URL(raw.trim());
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: `«${raw}»: ожидается адрес вида https://lk.example.ru` });
    return z.NEVER;
  });

const postgresUrl = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (!raw?.trim()) return undefined;
    if (/^postgres(ql)?:\/\/\S+$/.test(raw.trim())) return raw.trim();
    ctx.addIssue({ code: 'custom', message: 'ожидается адрес вида postgres://user@host:5432/db' });
    return z.NEVER;
  });

export const envSchema = z.object({
  NODE_ENV: z
    .string()
    .optional()
    .transform((v) => v?.trim() || 'development')
    .pipe(z.enum(['development', 'production', 'test'], { error: 'ожидается development, production или test' })),
  DEMO: flag,
  DATABASE_URL: postgresUrl,
  DB_POOL_MAX: integer(1, 500, 10),
  PGLITE_DATA_DIR: text,
  AUTH_SECRET: secret,
  APP_URL: origin,
  PORT: integer(1, 65_535, 3000),
  TRUST_PROXY_HOPS: integer(0, 10, 0),
  RESEND_API_KEY: secret,
  EMAIL_FROM: text,
  ROBOKASSA_MERCHANT_LOGIN: text,
  ROBOKASSA_PASSWORD1: secret,
  ROBOKASSA_PASSWORD2: secret,
  ROBOKASSA_PASSWORD3: secret,
  ROBOKASSA_TEST: flag,
  ROBOKASSA_HASH: z
    .string()
    .optional()
    .transform((v) => v?.trim().toLowerCase() || 'md5')
    .pipe(z.enum(['md5', 'sha256', 'sha384', 'sha512'], { error: 'ожидается md5, sha256, sha384 или sha512' })),
  PAYMENTS_TEST_MODE_OK: flag,
  SANDBOX_PASSWORD1: secret,
  SANDBOX_PASSWORD2: secret,
  BACKGROUND_JOBS: z
    .string()
    .optional()
    .transform((v) => v?.trim().toLowerCase() || 'on')
    .pipe(z.enum(['on', 'off'], { error: 'ожидается on или off' })),
  ROUTE_CACHE: z
    .string()
    .optional()
    .transform((v) => v?.trim().toLowerCase() || 'local')
    .pipe(z.enum(['local', 'postgres'], { error: 'ожидается local или postgres' })),
  /** Read by `next build` itself: the key that encrypts Server Actions' bound values, written into the build. */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || [16, 24, 32].includes(Buffer.from(v, 'base64').length), {
      error: 'ожидается ключ AES в base64 (openssl rand -base64 32)',
    }),
  REFUND_APPROVAL_THRESHOLD_RUB: integer(0, 100_000_000, 10_000),
  ADJUSTMENT_APPROVAL_THRESHOLD_RUB: integer(0, 100_000_000, 5_000),
  EMAIL_RETENTION_DAYS: integer(1, 3650, 30),
  COMPANY_VAT_RATE_PERCENT: integer(0, 30, 22),
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((v) => v?.trim().toLowerCase() || undefined)
    .pipe(
      z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
          error: 'ожидается fatal, error, warn, info, debug, trace или silent',
        })
        .optional(),
    ),
});

/** Rules between variables; checked on the raw values, so they are reported with the others. */
function pairProblems(source: Source): string[] {
  const value = (name: string) => (source[name] ? source[name] : undefined);
  const problems: string[] = [];
  const login = value('ROBOKASSA_MERCHANT_LOGIN')?.trim();
  const [password1, password2] = [value('ROBOKASSA_PASSWORD1'), value('ROBOKASSA_PASSWORD2')];
  const set = [login, password1, password2].filter(Boolean).length;
  if (set > 0 && set < 3) {
    problems.push(
      'ROBOKASSA_MERCHANT_LOGIN: Robokassa настроена не полностью: задайте ROBOKASSA_MERCHANT_LOGIN, ROBOKASSA_PASSWORD1 и ROBOKASSA_PASSWORD2 (или ни одну)',
    );
  }
  if (password1 && password1 === password2) {
    problems.push(
      'ROBOKASSA_PASSWORD2: пароли №1 и №2 должны различаться, иначе подпись возврата покупателя подделывает уведомление об оплате',
    );
  }
  if (value('ROUTE_CACHE')?.trim().toLowerCase() === 'postgres' && !value('DATABASE_URL')) {
    problems.push('ROUTE_CACHE: postgres хранит кэш страниц в Postgres — задайте DATABASE_URL');
  }
  const sandbox1 = value('SANDBOX_PASSWORD1');
  if (sandbox1 && sandbox1 === value('SANDBOX_PASSWORD2')) {
    problems.push('SANDBOX_PASSWORD2: должен отличаться от SANDBOX_PASSWORD1');
  }
  return problems;
}

export type AppEnv = z.output<typeof envSchema>;

/** The configuration cannot even be read: each problem names its variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ошибки в настройках:\n${problems.map((p) => `  — ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses a set of variables; `problems` lists every malformed one, `env` is set when there are none. */
export function readEnv(source: Source): { ok: true; env: AppEnv } | { ok: false; problems: string[] } {
  const parsed = envSchema.safeParse(source);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => {
          const name = issue.path.join('.');
          return name ? `${name}: ${issue.message}` : issue.message;
        })),
    ...pairProblems(source),
  ];
  if (parsed.success && problems.length === 0) return { ok: true, env: parsed.data };
  return { ok: false, problems };
}

/** Parses a set of variables or throws a ConfigError listing every problem. */
export function parseEnv(source: Source): AppEnv {
  const read = readEnv(source);
  if (!read.ok) throw new ConfigError(read.problems);
  return read.env;
}

const holder = globalThis as unknown as { __energoEnv?: AppEnv };

/** The configuration of this process, parsed from `process.env` on first use. */
export function env(): AppEnv {
  holder.__energoEnv ??= parseEnv(process.env);
  return holder.__energoEnv;
}

/**
 * For tests: run the app with these variables instead of the process's (unset ones take their
 * defaults, as on a server). Returns the function that restores the previous configuration.
 */
export function overrideEnv(source: Source): () => void {
  const previous = holder.__energoEnv;
  holder.__energoEnv = parseEnv(source);
  return () => {
    holder.__energoEnv = previous;
  };
}

/** The demonstration: demo data and logins, the sandbox gateway, the mailbox page, the banner. */
export function demoMode(e: AppEnv = env()): boolean {
  return e.DEMO;
}

/** What only a demonstration or a developer's machine may have (the sandbox, the mailbox page). */
export function demoOrDevelopment(e: AppEnv = env()): boolean {
  return e.DEMO || e.NODE_ENV !== 'production';
}

/** HSTS and `upgrade-insecure-requests` only make sense when the portal is served over https. */
export function appUrlIsHttps(e: AppEnv = env()): boolean {
  return e.APP_URL?.startsWith('https:') ?? false;
}

/**
 * The log level, readable even when the rest of the configuration is not: the logger is what
 * reports that problem. Silent under Vitest unless LOG_LEVEL says otherwise.
 */
export function logLevel(): string {
  const read = readEnv(process.env);
  const e = read.ok ? read.env : undefined;
  return e?.LOG_LEVEL ?? (e?.NODE_ENV === 'test' ? 'silent' : 'info');
}
