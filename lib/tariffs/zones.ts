export type ZonePlan = 1 | 2 | 3;
import type { TariffZone } from '@/db/enums';
export type { TariffZone };
import type { TariffCategory } from '@/db/enums';
export type { TariffCategory };

const zonesByPlan: Record<ZonePlan, readonly TariffZone[]> = {
  1: ['all_day'],
  2: ['day', 'night'],
  3: ['peak', 'half_peak', 'night'],
};

export function zonesForPlan(plan: number): readonly TariffZone[] {
  const zones = zonesByPlan[plan as ZonePlan];
  if (!zones) throw new RangeError(`Unknown zone plan ${plan}`);
  return zones;
}

export const zoneShortLabels: Record<TariffZone, string> = {
  all_day: 'Круглосуточно',
  day: 'День (T1)',
  night: 'Ночь (T2)',
  peak: 'Пик (T1)',
  half_peak: 'Полупик (T3)',
};

export const zonePlanLabels: Record<ZonePlan, string> = {
  1: 'Одноставочный',
  2: 'Двухзонный (день/ночь)',
  3: 'Трёхзонный (пик/полупик/ночь)',
};

export const categoryLabels: Record<TariffCategory, string> = {
  urban: 'Городское население',
  rural_or_stove: 'Сельское население и дома с электроплитами / электроотоплением',
};
