// One account's bill for one period, computed in memory with the pure rules: `estimatePeriod` and
// `recalculateAfterReading` (lib/readings/estimates.ts), `ratesInForce` and `priceVolume`
// (lib/tariffs/pricing.ts). The billing run does the same for every account in set-based SQL
// (`statements.ts`); this is the readable specification it is tested against, and what a staff page
// can use to preview one account's bill before a run.
import { compareZones, type Zone } from '@/lib/readings/consumption';
import {
  estimatePeriod,
  recalculateAfterReading,
  type BilledVolume,
  type Estimate,
  type VolumeMethod,
} from '@/lib/readings/estimates';
import { assertPeriod } from '@/lib/readings/window';
import { priceVolume, ratesInForce, type TariffRate } from '@/lib/tariffs/pricing';
import { zonesForPlan, type TariffCategory } from '@/lib/tariffs/zones';
import { consumptionLineDescription, recalculationLineDescription } from './describe';

export interface BillingAccount {
  number: string;
  tariffCategory: TariffCategory;
  residents: number;
  normKwhPerResident: number;
}

export interface BillingMeter {
  id: string;
  serialNumber: string;
  zonePlan: number;
  /** The meters this one replaced, newest first (`replacesMeterId`, followed back); their volumes are its history. */
  replaced?: readonly string[];
}

export interface AccountBillInput {
  period: string;
  account: BillingAccount;
  /** The meters billed for the period: active, installed on or before its last day. */
  meters: readonly BillingMeter[];
  /** Accepted readings of those meters, any period (the `initial` one included). */
  readings: readonly { meterId: string; period: string; zone: Zone; value: number }[];
  /** Billed volumes (`consumption_volumes`) of those meters and of the meters they replaced. */
  volumes: readonly (BilledVolume & { meterId: string })[];
  tariffs: readonly TariffRate[];
}

export interface ComputedVolume {
  meterId: string;
  zone: Zone;
  kwh: number;
  method: VolumeMethod;
}

export interface ComputedLine {
  kind: 'consumption' | 'recalculation';
  meterId: string;
  zone: Zone;
  method: VolumeMethod;
  /** The bill's period for consumption; the first estimated month for a recalculation. */
  forPeriod: string;
  kwh: number;
  tariffId: string;
  priceKopecks: number;
  amountKopecks: number;
  description: string;
}

export interface ComputedBill {
  volumes: ComputedVolume[];
  lines: ComputedLine[];
  amountKopecks: number;
  /** The estimate of each meter billed without a reading, by meter id. */
  estimates: Map<string, Estimate>;
}

export type AccountBill = ({ ok: true } & ComputedBill) | { ok: false; problem: string };

/** Why an account cannot be billed as it stands (the run skips it and says why). */
class BillingProblem extends Error {}

/**
 * The rules, per active meter and zone of its plan, for period P:
 * - an accepted reading for P and an earlier one (`prev`, the latest): with no average/norm volumes of
 *   this meter and zone after `prev` and before P, P's volume is `value − prev` by reading; after a run
 *   of estimates, `recalculateAfterReading` gives the correction, billed as a recalculation line for
 *   the first estimated month and stored as P's volume (never below zero) with method `recalculation`;
 * - an accepted reading for P and none before it (a baseline, e.g. the `initial` reading of a meter
 *   installed in P): 0 kWh by reading — the next reading measures from it;
 * - no reading for P: `estimatePeriod` on the meter's billed volumes merged with the replaced meters'.
 * Each volume is priced with the rates in force on P's first day, split over the volume ranges.
 * Throws `BillingProblem` for a register below the previous reading or a volume no tariff covers.
 */
function computeAccountBill(input: AccountBillInput): ComputedBill {
  const { period, account, meters } = input;
  assertPeriod(period);
  const volumes: ComputedVolume[] = [];
  const lines: ComputedLine[] = [];
  const estimates = new Map<string, Estimate>();
  const several = meters.length > 1;

  for (const meter of meters) {
    const zones = zonesForPlan(meter.zonePlan);
    const serial = several ? meter.serialNumber : null;
    const own = input.readings.filter((r) => r.meterId === meter.id);
    let estimate: Estimate | undefined;

    for (const zone of [...zones].sort(compareZones)) {
      const current = own.find((r) => r.zone === zone && r.period === period);
      const previous = own
        .filter((r) => r.zone === zone && r.period < period)
        .sort((a, b) => b.period.localeCompare(a.period))[0];

      const price = (kwh: number) => {
        const rates = ratesInForce(input.tariffs, {
          category: account.tariffCategory,
          zonePlan: meter.zonePlan,
          zone,
          day: period,
        });
        try {
          return priceVolume(kwh, rates);
        } catch {
          throw new BillingProblem(`нет тарифа, покрывающего ${kwh} кВт·ч (счётчик № ${meter.serialNumber})`);
        }
      };

      if (current && !previous) {
        volumes.push({ meterId: meter.id, zone, kwh: 0, method: 'reading' });
        continue;
      }

      if (current && previous) {
        if (current.value < previous.value) {
          throw new BillingProblem(
            `показание ${current.value} меньше предыдущего ${previous.value} (счётчик № ${meter.serialNumber})`,
          );
        }
        const estimated = input.volumes.filter(
          (v) =>
            v.meterId === meter.id &&
            v.zone === zone &&
            (v.method === 'average' || v.method === 'norm') &&
            v.period > previous.period &&
            v.period < period,
        );
        if (estimated.length === 0) {
          const kwh = current.value - previous.value;
          volumes.push({ meterId: meter.id, zone, kwh, method: 'reading' });
          for (const part of price(kwh)) {
            lines.push({
              kind: 'consumption',
              meterId: meter.id,
              zone,
              method: 'reading',
              forPeriod: period,
              ...part,
              description: consumptionLineDescription({
                zone,
                kwh: part.kwh,
                priceKopecks: part.priceKopecks,
                meterSerial: serial,
              }),
            });
          }
          continue;
        }
        const [recalc] = recalculateAfterReading({
          estimated: estimated.map(({ period: p, zone: z, kwh }) => ({ period: p, zone: z, kwh })),
          lastRealReading: [{ zone, value: previous.value }],
          newReading: [{ zone, value: current.value }],
        });
        const months = estimated.map((v) => v.period).sort();
        volumes.push({ meterId: meter.id, zone, kwh: Math.max(recalc!.correctionKwh, 0), method: 'recalculation' });
        for (const part of price(recalc!.correctionKwh)) {
          lines.push({
            kind: 'recalculation',
            meterId: meter.id,
            zone,
            method: 'recalculation',
            forPeriod: months[0]!,
            ...part,
            description: recalculationLineDescription({
              zone,
              kwh: part.kwh,
              priceKopecks: part.priceKopecks,
              meterSerial: serial,
              period,
              estimatedFrom: months[0]!,
              estimatedTo: months[months.length - 1]!,
              realKwh: recalc!.realKwh,
              estimatedKwh: recalc!.estimatedKwh,
            }),
          });
        }
        continue;
      }

      if (!estimate) {
        const chain = new Set([meter.id, ...(meter.replaced ?? [])]);
        estimate = estimatePeriod({
          period,
          zones,
          history: input.volumes.filter((v) => chain.has(v.meterId)),
          residents: account.residents,
          normKwhPerResident: account.normKwhPerResident,
        });
        estimates.set(meter.id, estimate);
      }
      const kwh = estimate.volumes.find((v) => v.zone === zone)!.kwh;
      volumes.push({ meterId: meter.id, zone, kwh, method: estimate.method });
      for (const part of price(kwh)) {
        lines.push({
          kind: 'consumption',
          meterId: meter.id,
          zone,
          method: estimate.method,
          forPeriod: period,
          ...part,
          description: consumptionLineDescription({
            zone,
            kwh: part.kwh,
            priceKopecks: part.priceKopecks,
            meterSerial: serial,
            estimateReason: estimate.reason,
          }),
        });
      }
    }
  }

  return { volumes, lines, amountKopecks: lines.reduce((sum, l) => sum + l.amountKopecks, 0), estimates };
}

/** `computeAccountBill`, or the reason the account cannot be billed. */
export function tryComputeAccountBill(input: AccountBillInput): AccountBill {
  try {
    return { ok: true, ...computeAccountBill(input) };
  } catch (error) {
    if (error instanceof BillingProblem) return { ok: false, problem: error.message };
    throw error;
  }
}
