// How a reading came to be and how a month was billed, in the words each reader expects: staff
// read the short source («абонент»), the subscriber reads what happened («внесено сотрудником»).
import type { ReadingSource, VolumeMethod } from '@/db/enums';

export const staffSourceLabels: Record<ReadingSource, string> = {
  subscriber: 'абонент',
  staff: 'сотрудник',
  initial: 'начальные',
  import: 'импорт',
};

export const subscriberSourceLabels: Record<ReadingSource, string> = {
  subscriber: 'показания абонента',
  staff: 'внесено сотрудником',
  initial: 'начальные',
  import: 'загружены автоматически',
};

export const volumeMethodLabels: Record<VolumeMethod, string> = {
  reading: 'по показаниям',
  average: 'по среднему',
  norm: 'по нормативу',
  recalculation: 'перерасчёт',
};

export type EstimateMethod = Extract<VolumeMethod, 'average' | 'norm'>;
