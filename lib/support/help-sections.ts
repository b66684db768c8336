import type { HelpArticle } from '@/db/schema';

export type HelpSection = HelpArticle['section'];

/** The help centre's sections as the page names them, in the order it shows them. */
export const helpSectionLabels: Record<HelpSection, string> = {
  account: 'Регистрация и вход',
  readings: 'Показания и начисления',
  payments: 'Оплата',
  bills: 'Квитанции',
  services: 'Платные услуги',
  connection: 'Технологическое присоединение',
  security: 'Безопасность и персональные данные',
};

export const helpSections = Object.keys(helpSectionLabels) as HelpSection[];
