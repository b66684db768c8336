// The figures of billing a month without a reading (расчётный способ, ПП РФ № 354, п. 59–60). The
// rules themselves live once, in the billing run's SQL (lib/billing/run-sql.ts).
import type { Zone } from '@/lib/readings/consumption';

/** The `volume_method` enum of `consumption_volumes`. */
import type { VolumeMethod } from '@/db/enums';
export type { VolumeMethod };

export type BilledVolume = { period: string; zone: Zone; kwh: number; method: VolumeMethod };
export type ZoneVolume = { zone: Zone; kwh: number };

/** ПП РФ № 354, п. 59: the average is taken over at least 6 months of readings… */
export const AVERAGE_MONTHS = 6;
/** …or over the meter's actual shorter history, but not less than 3 months (п. 59). */
export const MIN_AVERAGE_MONTHS = 3;
/** п. 59 «б»: the average bills at most 3 periods in a row; п. 60: the norm from the 4th. */
export const MAX_AVERAGE_PERIODS = 3;
