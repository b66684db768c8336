// `npm run setup -- --utility-name "…" --admin-email … [more flags]`: the first start of a real
// deployment. Migrates, writes the utility's profile and the first admin with the second factor
// enrolled, and prints the admin's one-time password, the TOTP key (as a QR code in the terminal
// and an otpauth:// URI) and ten recovery codes. Missing values are asked for when a person is at
// the terminal; otherwise the command names them and stops. Run it with the server's AUTH_SECRET
// and DATABASE_URL: the TOTP key is sealed with AUTH_SECRET.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { connectFromEnv } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { utilityProfile } from '../db/schema';
import { firstAdminInput, setUpPortal, utilityProfileInput } from '../lib/setup/first-start';

const profileFlags = {
  'utility-name': ['fullName', 'Полное наименование организации'],
  'short-name': ['shortName', 'Краткое наименование'],
  inn: ['inn', 'ИНН'],
  kpp: ['kpp', 'КПП'],
  ogrn: ['ogrn', 'ОГРН'],
  'legal-address': ['legalAddress', 'Юридический адрес'],
  'utility-email': ['email', 'E-mail организации'],
  website: ['website', 'Сайт (можно пропустить)'],
  phone: ['mainPhone', 'Телефон абонентского отдела'],
  'emergency-phone': ['emergencyPhone', 'Аварийный телефон'],
  'working-hours': ['workingHours', 'Часы работы (можно пропустить)'],
  bank: ['bankName', 'Банк'],
  bik: ['bik', 'БИК'],
  'correspondent-account': ['correspondentAccount', 'Корреспондентский счёт'],
  'settlement-account': ['settlementAccount', 'Расчётный счёт'],
} as const;
const adminFlags = {
  'admin-email': ['email', 'E-mail первого администратора'],
  'admin-name': ['fullName', 'ФИО администратора'],
} as const;
const optional = new Set(['website', 'working-hours']);

async function ask(
  flags: Record<string, readonly [string, string]>,
  given: Record<string, string | undefined>,
  prompt: ((q: string) => Promise<string>) | null,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const missing: string[] = [];
  for (const [flag, [key, label]] of Object.entries(flags)) {
    let value = given[flag];
    if (value === undefined && prompt) value = await prompt(`${label}: `);
    if (value === undefined || (value.trim() === '' && !optional.has(flag))) {
      if (!optional.has(flag)) missing.push(`--${flag} (${label})`);
      continue;
    }
    if (value.trim() !== '') out[key] = value;
  }
  if (missing.length) throw new Error(`не хватает значений:\n  ${missing.join('\n  ')}`);
  return out;
}

async function main(): Promise<void> {
  const options = Object.fromEntries(
    [...Object.keys(profileFlags), ...Object.keys(adminFlags)].map((f) => [f, { type: 'string' as const }]),
  );
  const { values } = parseArgs({ options, strict: true });
  const given = values as Record<string, string | undefined>;
  const rl = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : null;
  const prompt = rl ? (q: string) => rl.question(q) : null;

  const handle = connectFromEnv();
  try {
    await migrateDatabase(handle);
    const [existing] = await handle.db
      .select({ id: utilityProfile.id })
      .from(utilityProfile)
      .where(eq(utilityProfile.id, 1));
    const profile = existing ? null : utilityProfileInput.parse(await ask(profileFlags, given, prompt));
    if (existing) console.log('Профиль организации уже есть: добавляю только администратора.');
    const admin = firstAdminInput.parse(await ask(adminFlags, given, prompt));
    rl?.close();

    const outcome = await setUpPortal(handle.db, { profile, admin });
    const qr = await QRCode.toString(outcome.admin.otpauthUri, { type: 'terminal', small: true });
    console.log(
      [
        '',
        outcome.profileCreated ? 'Профиль организации записан.' : '',
        `Администратор: ${outcome.admin.email}`,
        `Одноразовый пароль: ${outcome.admin.temporaryPassword}`,
        '',
        'Второй фактор: отсканируйте QR-код приложением-аутентификатором',
        qr,
        `или введите ключ вручную: ${outcome.admin.totpSecret}`,
        `otpauth URI: ${outcome.admin.otpauthUri}`,
        '',
        'Коды восстановления (каждый действует один раз; сохраните их отдельно от телефона):',
        ...outcome.admin.recoveryCodes.map((c) => `  ${c}`),
        '',
        'Больше эти данные не покажутся. Вход: /admin/login',
      ].join('\n'),
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  console.error(
    'Настройка не выполнена:',
    issues
      ? issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
      : error instanceof Error
        ? error.message
        : error,
  );
  process.exitCode = 1;
});
