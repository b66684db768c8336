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

/**
 * The utility's pages on social networks, `Название https://адрес` separated by `;` or new lines
 * (`ВКонтакте https://vk.com/…; Telegram https://t.me/…`): shown on the contacts page, in order.
 */
const socialLinks = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const links: { title: string; url: string }[] = [];
    for (const item of (raw ?? '').split(/[;\n]/).map((part) => part.trim())) {
      if (!item) continue;
      const match = /^(.{1,40}?)\s+(https:\/\/\S+)$/.exec(item);
      let url: URL | null = null;
      try {
        url = match ? new URL(match[2]!) : null;
      } catch {
        url = null;
      }
      if (!match || !url || url.protocol !== 'https:') {
        ctx.addIssue({ code: 'custom', message: `«${item}»: ожидается «Название https://адрес»` });
        return z.NEVER;
      }
      links.push({ title: match[1]!, url: url.href });
    }
    return links;
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
  /**
   * Where the Resend API answers; unset: Resend's own (https://api.resend.com). Another address is
   * a relay or a test double; a production start refuses one that is not https (start-check.ts).
   */
  RESEND_API_URL: origin,
  EMAIL_FROM: text,
  /**
   * The domain whose mail Resend receives for us (an MX record to Resend's inbound servers): the
   * reading reminder's reply address is readings+<signed token>@ this domain. Unset: letters carry
   * no reply address (demo mode uses a made-up domain shown in the development mailbox).
   */
  INBOUND_EMAIL_DOMAIN: z
    .string()
    .optional()
    .transform((v) => v?.trim().toLowerCase() || undefined)
    .refine((v) => v === undefined || /^(?=.{4,200}$)([a-z0-9-]+\.)+[a-z]{2,}$/.test(v), {
      error: 'ожидается домен вида reply.lk.example.ru',
    }),
  /** The signing secret of Resend's inbound webhook (Svix, whsec_…): unsigned or forged deliveries are refused. */
  RESEND_WEBHOOK_SECRET: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || /^whsec_[A-Za-z0-9+/=]{16,}$/.test(v), {
      error: 'ожидается секрет подписи вебхука Resend вида whsec_…',
    }),
  /** SMS.ru's api_id (the key of the account's API page): SMS go out through SMS.ru. */
  SMSRU_API_ID: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || /^[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}$/.test(v), {
      error: 'ожидается api_id SMS.ru вида XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX',
    }),
  /** The sender name approved in SMS.ru's account; unset: the account's default sender. */
  SMSRU_FROM: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || /^[A-Za-z0-9 .\-]{2,11}$/.test(v), {
      error: 'имя отправителя SMS.ru — от 2 до 11 латинских букв, цифр, точек или дефисов',
    }),
  /** SMS.ru's test mode: the request is checked, no SMS is sent or charged. */
  SMSRU_TEST: flag,
  /** Web push (VAPID) for the installed app; on by itself in a demonstration or development. */
  PUSH_NOTIFICATIONS: flag,
  /** The VAPID key pair (base64url, as `web-push generate-vapid-keys` prints it); required in production with push on. */
  VAPID_PUBLIC_KEY: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || /^[A-Za-z0-9_-]{87}$/.test(v), {
      error: 'ожидается открытый ключ VAPID: 87 символов base64url',
    }),
  VAPID_PRIVATE_KEY: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || /^[A-Za-z0-9_-]{43}$/.test(v), {
      error: 'ожидается закрытый ключ VAPID: 43 символа base64url',
    }),
  /** Who push services write to about this sender: `mailto:` or an https address. */
  VAPID_SUBJECT: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || /^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/.test(v), {
      error: 'ожидается mailto:адрес или https-адрес',
    }),
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
  MONETA_ACCOUNT_ID: text,
  MONETA_INTEGRITY_CODE: secret,
  MONETA_TEST: flag,
  MONETA_DEMO_SITE: flag,
  NETPAY_API_KEY: secret,
  NETPAY_AUTH: secret,
  NETPAY_TEST: flag,
  NETPAY_RECEIPTS: flag,
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
  /** How long a started payment waits for the gateway's notification before it reads «не оплачен». */
  PAYMENT_LIFETIME_MINUTES: integer(30, 10_080, 60),
  COMPANY_VAT_RATE_PERCENT: integer(0, 30, 22),
  SOCIAL_LINKS: socialLinks,
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
  const moneta = [value('MONETA_ACCOUNT_ID')?.trim(), value('MONETA_INTEGRITY_CODE')].filter(Boolean).length;
  if (moneta === 1) {
    problems.push(
      'MONETA_ACCOUNT_ID: МОНЕТА настроена не полностью: задайте MONETA_ACCOUNT_ID и MONETA_INTEGRITY_CODE (или ни одну)',
    );
  }
  const monetaId = value('MONETA_ACCOUNT_ID')?.trim();
  if (monetaId && !/^\d{1,20}$/.test(monetaId)) {
    problems.push('MONETA_ACCOUNT_ID: номер расширенного счёта МОНЕТЫ (MNT_ID) — только цифры');
  }
  // МОНЕТА's receipt names the VAT rate by a code PayAnyWay documents for 0, 10 and the general rate.
  const vatRate = Number(value('COMPANY_VAT_RATE_PERCENT')?.trim() || 22);
  if (moneta === 2 && ![0, 10, 20, 22].includes(vatRate)) {
    problems.push(
      `COMPANY_VAT_RATE_PERCENT: ставку НДС ${vatRate}\u00a0% нельзя передать в чеке через МОНЕТУ (коды ставок есть для 0, 10, 20 и 22\u00a0%) — уберите настройки МОНЕТЫ или исправьте ставку`,
    );
  }
  if ([value('NETPAY_API_KEY'), value('NETPAY_AUTH')].filter(Boolean).length === 1) {
    problems.push('NETPAY_API_KEY: NET PAY настроен не полностью: задайте NETPAY_API_KEY и NETPAY_AUTH (или ни одну)');
  }
  if (
    (value('SMSRU_FROM')?.trim() || TRUE.includes(value('SMSRU_TEST')?.trim().toLowerCase() ?? '')) &&
    !value('SMSRU_API_ID')?.trim()
  ) {
    problems.push(
      'SMSRU_API_ID: SMS.ru настроен не полностью: задан SMSRU_FROM или SMSRU_TEST, но не задан SMSRU_API_ID',
    );
  }
  if ([value('VAPID_PUBLIC_KEY')?.trim(), value('VAPID_PRIVATE_KEY')?.trim()].filter(Boolean).length === 1) {
    problems.push(
      'VAPID_PUBLIC_KEY: ключи VAPID заданы не полностью: задайте VAPID_PUBLIC_KEY и VAPID_PRIVATE_KEY (или ни один)',
    );
  }
  // A reminder that offers a reply address whose replies are all refused (or cannot be read) misleads.
  if (value('INBOUND_EMAIL_DOMAIN')?.trim() && (!value('RESEND_WEBHOOK_SECRET')?.trim() || !value('RESEND_API_KEY'))) {
    problems.push(
      'INBOUND_EMAIL_DOMAIN: ответы на письма принимаются через Resend — задайте RESEND_WEBHOOK_SECRET и RESEND_API_KEY (или уберите INBOUND_EMAIL_DOMAIN)',
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
