export const DEMO_PASSWORD = 'Energo-demo-2026';

export const demoLogins: { role: string; login: string; password: string; note: string }[] = [
  { role: 'Абонент (физлицо)', login: '50010001', password: DEMO_PASSWORD, note: 'одноставочный, всё оплачено' },
  { role: 'Абонент (физлицо)', login: '50010002', password: DEMO_PASSWORD, note: 'двухзонный, расчётные месяцы, долг' },
  { role: 'Абонент (физлицо)', login: '50010003', password: DEMO_PASSWORD, note: 'два счётчика' },
  { role: 'Юрлицо', login: 'company@example.com', password: DEMO_PASSWORD, note: 'ООО «Истра-Агро», 3 счёта' },
  { role: 'Сотрудник', login: 'operator@example.com', password: DEMO_PASSWORD, note: 'очередь регистраций' },
  { role: 'Для регистрации', login: '50010004', password: '—', note: 'есть в реестре, не зарегистрирован' },
];
