import { type AppEnv, readEnv } from './env';

// A production start fails closed: a missing setting is a refusal to start with the reason, never
// a portal that quietly opens (the sandbox taking "payments", links built from request headers,
// demo logins with a published password). Demo mode (DEMO=1) is the one explicit way to run the
// production build as a demonstration: an embedded database, generated secret, localhost links.

const MIN_SECRET_LENGTH = 32;

/** What stops this configuration from starting in production; empty when it may start. */
export function productionProblems(e: AppEnv): string[] {
  if (e.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (e.AUTH_SECRET && e.AUTH_SECRET.length < MIN_SECRET_LENGTH) {
    problems.push(`AUTH_SECRET короче ${MIN_SECRET_LENGTH} символов: создайте новый командой openssl rand -base64 32`);
  }
  if (e.DEMO) return problems;

  if (!e.AUTH_SECRET) {
    problems.push(
      'AUTH_SECRET не задан: им подписаны сессии и ссылки. Создайте его командой openssl rand -base64 32 и задайте одинаковым на всех экземплярах',
    );
  }
  if (!e.APP_URL) {
    problems.push(
      'APP_URL не задан: публичный адрес портала, например https://lk.example.ru. Ссылки в письмах и адреса возврата из платёжного шлюза строятся только из него',
    );
  }
  if (!e.DATABASE_URL) {
    problems.push(
      'DATABASE_URL не задан: без него портал работает на встроенной базе, которая годится только для демонстрации (DEMO=1)',
    );
  }
  const robokassa = Boolean(e.ROBOKASSA_MERCHANT_LOGIN && e.ROBOKASSA_PASSWORD1 && e.ROBOKASSA_PASSWORD2);
  const moneta = Boolean(e.MONETA_ACCOUNT_ID && e.MONETA_INTEGRITY_CODE);
  const netpay = Boolean(e.NETPAY_API_KEY && e.NETPAY_AUTH);
  if (!robokassa && !moneta && !netpay) {
    problems.push(
      'платёжный шлюз не настроен: задайте ROBOKASSA_MERCHANT_LOGIN, ROBOKASSA_PASSWORD1 и ROBOKASSA_PASSWORD2, или MONETA_ACCOUNT_ID и MONETA_INTEGRITY_CODE, или NETPAY_API_KEY и NETPAY_AUTH. Встроенная песочница работает только в демонстрационном режиме (DEMO=1)',
    );
  }
  // Letters carry one-time links and the API key: in production they never travel in the clear.
  if (e.RESEND_API_URL && !e.RESEND_API_URL.startsWith('https://')) {
    problems.push(
      `RESEND_API_URL=${e.RESEND_API_URL}: письма и ключ Resend уходят только по https — задайте адрес https://… или уберите RESEND_API_URL`,
    );
  }
  if (e.PUSH_NOTIFICATIONS && !(e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY && e.VAPID_SUBJECT)) {
    problems.push(
      'PUSH_NOTIFICATIONS=1 включает push-уведомления, но не заданы VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY и VAPID_SUBJECT: создайте ключи командой npx web-push generate-vapid-keys',
    );
  }
  if (e.SMSRU_API_ID && e.SMSRU_TEST) {
    problems.push(
      'SMSRU_TEST=1 включает тестовый режим SMS.ru: СМС проверяются, но не отправляются. В рабочем портале уберите SMSRU_TEST',
    );
  }
  if (netpay && e.NETPAY_TEST && !e.PAYMENTS_TEST_MODE_OK) {
    problems.push(
      'NETPAY_TEST=1 отправляет плательщиков на тестовую страницу NET PAY: такие платежи не зачисляются. Если это намеренно, задайте PAYMENTS_TEST_MODE_OK=1',
    );
  }
  if (moneta && e.MONETA_TEST && !e.PAYMENTS_TEST_MODE_OK) {
    problems.push(
      'MONETA_TEST=1 включает тестовый режим МОНЕТЫ: такие платежи не зачисляются. Если это намеренно (проверка подключения), задайте PAYMENTS_TEST_MODE_OK=1',
    );
  }
  if (robokassa && e.ROBOKASSA_TEST && !e.PAYMENTS_TEST_MODE_OK) {
    problems.push(
      'ROBOKASSA_TEST=1 включает тестовый режим магазина: такие платежи не зачисляются. Если это намеренно (проверка подключения), задайте PAYMENTS_TEST_MODE_OK=1',
    );
  }
  return problems;
}

/** Every reason these variables cannot start the app: malformed values first, then production rules. */
export function startProblems(source: Record<string, string | undefined>): string[] {
  const read = readEnv(source);
  return read.ok ? productionProblems(read.env) : read.problems;
}

/** The one message a refused start prints. */
export function refusalMessage(problems: string[]): string {
  return [
    'Энергокабинет не запущен: настройки не годятся для работы.',
    ...problems.map((p) => `  — ${p}`),
    'Список переменных с пояснениями — в .env.example и в README («Configuration»).',
  ].join('\n');
}

/** Thrown by the start when the configuration is refused; instrumentation prints it and exits. */
export class StartRefused extends Error {
  constructor(readonly problems: string[]) {
    super(refusalMessage(problems));
    this.name = 'StartRefused';
  }
}
