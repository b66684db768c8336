// What a person types to try the demo; printed at startup and by `npm run db:seed`.
// Every demo user shares one password.
export const DEMO_PASSWORD = 'Energo-demo-2026';

/**
 * The demo staff's second factor (TOTP, RFC 6238): add this key to any authenticator app, or
 * compute the code from it (the e2e tests do). Public like the password: demo only.
 */
export const DEMO_TOTP_SECRET = 'ENERGOKABINETDEMOSTAFFTOTPKEYAAA';

export const demoStaffEmails = ['operator@example.com', 'admin@example.com'] as const;

export const demoLogins: { role: string; login: string; password: string; note: string }[] = [
  {
    role: 'Абонент (физлицо)',
    login: '50010001',
    password: DEMO_PASSWORD,
    note: 'Иванова М. П.: одноставочный счётчик, всё оплачено',
  },
  {
    role: 'Абонент (физлицо)',
    login: '50010002',
    password: DEMO_PASSWORD,
    note: 'Петров А. С.: двухзонный, 2 месяца по среднему, долг, скоро поверка',
  },
  {
    role: 'Абонент (физлицо)',
    login: '50010003',
    password: DEMO_PASSWORD,
    note: 'Сидорова О. Н.: два счётчика, показания за этот месяц переданы',
  },
  {
    role: 'Абонент (физлицо)',
    login: 'belova@example.com',
    password: DEMO_PASSWORD,
    note: 'Белова А. И.: дом (50010005) и дача (50010006), оба счёта к оплате',
  },
  {
    role: 'Юрлицо',
    login: 'company@example.com',
    password: DEMO_PASSWORD,
    note: 'ООО «Истра-Агро», владелец: 3 лицевых счёта, пользователи',
  },
  {
    role: 'Юрлицо',
    login: 'accountant@example.com',
    password: DEMO_PASSWORD,
    note: 'ООО «Истра-Агро», бухгалтер: счета, акты сверки, оплата',
  },
  {
    role: 'Юрлицо',
    login: 'engineer@example.com',
    password: DEMO_PASSWORD,
    note: 'ООО «Истра-Агро», энергетик: приборы учёта и показания',
  },
  {
    role: 'Сотрудник',
    login: 'operator@example.com',
    password: DEMO_PASSWORD,
    note: `Смирнова Е. А.: консоль сотрудника; код — из ключа TOTP ${DEMO_TOTP_SECRET}`,
  },
  {
    role: 'Администратор',
    login: 'admin@example.com',
    password: DEMO_PASSWORD,
    note: 'Орлов В. П.: сотрудники, выгрузки, одобрение крупных возвратов; тот же ключ TOTP',
  },
  {
    role: 'Для регистрации',
    login: '50010004',
    password: '—',
    note: 'Кузнецов Д. А.: счёт есть, кабинета нет (или оплата без регистрации)',
  },
];
