import type { AppealTopic } from '@/db/enums';

// The topics an appeal may have and their names, for the forms, the lists and the schema.

export const APPEAL_TOPICS = [
  'billing_dispute',
  'readings',
  'payment_not_credited',
  'outage',
  'service_request',
  'connection',
  'other',
] as const satisfies readonly AppealTopic[];

export const APPEAL_TOPIC_LABEL: Record<AppealTopic, string> = {
  billing_dispute: 'Спор о начислениях',
  readings: 'Показания счётчика',
  payment_not_credited: 'Платёж не зачислен',
  outage: 'Отключение электроэнергии',
  service_request: 'Платная услуга',
  connection: 'Технологическое присоединение',
  other: 'Другое',
};
