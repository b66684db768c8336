// The documents a company sends with a contract application (the list ПАО «РЭСК» publishes for
// ЮЛ/ИП, ../shared/notes/company-cabinet.md). Pure. `required`: without it staff cannot offer a
// contract; the others are sent when they apply to the applicant (own substations, no e-signature…).

export const CHECKLIST = [
  {
    key: 'authority',
    title: 'Документ о полномочиях подписанта (приказ о назначении или доверенность)',
    required: true,
  },
  { key: 'passport', title: 'Паспорт и согласие на обработку персональных данных (для ИП)', required: false },
  { key: 'account_sheet', title: 'Учётный лист', required: false },
  {
    key: 'registration',
    title: 'Устав, свидетельства о регистрации и постановке на учёт или выписка из ЕГРЮЛ/ЕГРИП не старше 30 дней',
    required: true,
  },
  { key: 'title', title: 'Документ о праве на энергопринимающие устройства или земельный участок', required: true },
  {
    key: 'staff_contacts',
    title: 'Контакты оперативного персонала (если есть собственные подстанции)',
    required: false,
  },
  {
    key: 'connection_acts',
    title: 'Акт о технологическом присоединении и акт разграничения балансовой принадлежности',
    required: true,
  },
  { key: 'single_line', title: 'Однолинейная схема с точками присоединения', required: false },
  { key: 'max_power', title: 'Максимальная мощность по точкам поставки', required: false },
  {
    key: 'meters',
    title: 'Документы о допуске приборов учёта: тип, класс точности, место установки, заводской номер, даты поверки',
    required: false,
  },
  { key: 'reserve', title: 'Акт аварийной и технологической брони (при необходимости)', required: false },
  { key: 'application_form', title: 'Заявление о заключении договора', required: true },
  { key: 'no_edo', title: 'Письмо о невозможности ЭДО (если нет электронной подписи)', required: false },
  { key: 'other', title: 'Другой документ', required: false },
] as const;

export type ChecklistKey = (typeof CHECKLIST)[number]['key'];
export const CHECKLIST_KEYS = CHECKLIST.map((i) => i.key) as [ChecklistKey, ...ChecklistKey[]];

export function checklistTitle(key: string): string {
  return CHECKLIST.find((i) => i.key === key)?.title ?? 'Документ';
}

/** The required items no file has been uploaded for yet. */
export function missingRequired(uploaded: readonly string[]): ChecklistKey[] {
  return CHECKLIST.filter((i) => i.required && !uploaded.includes(i.key)).map((i) => i.key);
}

export const RELIABILITY_LABEL: Record<1 | 2 | 3, string> = {
  1: 'I категория — два независимых источника, перерыв только на время автоматического переключения',
  2: 'II категория — два источника, перерыв на время ручного переключения',
  3: 'III категория — один источник, перерыв до 24 часов',
};
