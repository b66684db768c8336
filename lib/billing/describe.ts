// The Russian texts of bill lines and ledger entries. Pure: the billing run builds the same texts in
// SQL (`describe-sql.ts`, one statement for thousands of lines) and a test holds the two to each other.
// The wording of a consumption line is the seed's (db/seed/accounts.ts), so old and new bills read alike.
import { formatPeriod } from '@/lib/format/dates';
import { formatKwh, formatRub } from '@/lib/format/money';
import { zoneShortLabels, type TariffZone } from '@/lib/tariffs/zones';

/** «день (T1)»: the zone as it reads inside a sentence; empty for the one-rate register. */
export function zoneInLine(zone: TariffZone): string {
  if (zone === 'all_day') return '';
  const label = zoneShortLabels[zone];
  return `, ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/** « (счётчик № 41235872)» when the account has more than one meter on the bill, else nothing. */
function meterInLine(serialNumber: string | null | undefined): string {
  return serialNumber ? ` (счётчик № ${serialNumber})` : '';
}

/** The month's name alone: `2026-11-01` → «ноябрь». */
export function monthName(period: string): string {
  return formatPeriod(period).replace(/ \d{4}$/, '');
}

/** «сентябрь 2026», «сентябрь – ноябрь 2026», «декабрь 2025 – январь 2026». */
export function periodRange(from: string, to: string): string {
  if (from === to) return formatPeriod(from);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${monthName(from)} – ${formatPeriod(to)}`;
  return `${formatPeriod(from)} – ${formatPeriod(to)}`;
}

/** «: 245 кВт·ч × 9,79 ₽» — what a line multiplies. */
function formula(kwh: number, priceKopecks: number): string {
  return `: ${formatKwh(kwh)} × ${formatRub(priceKopecks)}`;
}

export interface ConsumptionLineText {
  zone: TariffZone;
  /** The part of the month's volume this line prices (one line per volume range). */
  kwh: number;
  priceKopecks: number;
  /** Only when the account has several meters on the bill. */
  meterSerial?: string | null;
  /** Why the volume is estimated (`Estimate.reason` of lib/readings/estimates.ts); null for a reading. */
  estimateReason?: string | null;
}

/**
 * «Электроэнергия, день (T1): 245 кВт·ч × 10,24 ₽», or for an estimate
 * «Электроэнергия, расчётный объём (нет показаний 2-й месяц подряд: по среднему за 6 мес.): 150 кВт·ч × 9,79 ₽».
 */
export function consumptionLineDescription(line: ConsumptionLineText): string {
  const estimate = line.estimateReason ? `, расчётный объём (${line.estimateReason})` : '';
  return `Электроэнергия${meterInLine(line.meterSerial)}${zoneInLine(line.zone)}${estimate}${formula(line.kwh, line.priceKopecks)}`;
}

export interface RecalculationLineText {
  zone: TariffZone;
  /** This line's part of the correction (one line per month, zone and volume range); negative gives money back. */
  kwh: number;
  priceKopecks: number;
  meterSerial?: string | null;
  /** The estimated month this line corrects, priced at that month's tariff. */
  month: string;
  /** The bill's period: the month of the reading that ended the estimates. */
  period: string;
  /** The first month billed without a reading in the run the reading ended. */
  estimatedFrom: string;
  /**
   * What the meter counted in this zone from the last real reading to the new one, and the part of
   * it that falls on `month` (spread over the estimated months in proportion to their estimates);
   * null for a line that only takes back an estimate billed in another zone (a norm on a one-rate line).
   */
  realKwh: number | null;
  monthRealKwh: number | null;
  /** What `month` billed without a reading in this zone. */
  monthEstimatedKwh: number;
}

/**
 * ПП РФ № 354, п. 61: «Перерасчёт, день (T1) за сентябрь 2026: по счётчику 310 кВт·ч из 1 500 кВт·ч
 * за сентябрь 2026 – январь 2027, начислено без показаний 240 кВт·ч: 70 кВт·ч × 10,24 ₽».
 */
export function recalculationLineDescription(line: RecalculationLineText): string {
  const head = `Перерасчёт${meterInLine(line.meterSerial)}${zoneInLine(line.zone)} за ${formatPeriod(line.month)}: `;
  const billed = `начислено без показаний ${formatKwh(line.monthEstimatedKwh)}`;
  const counted =
    line.realKwh === null || line.monthRealKwh === null
      ? ''
      : `по счётчику ${formatKwh(line.monthRealKwh)} из ${formatKwh(line.realKwh)} за ${periodRange(line.estimatedFrom, line.period)}, `;
  return `${head}${counted}${billed}${formula(line.kwh, line.priceKopecks)}`;
}

/** `2026-11-01`, `50010001` → `R-202611-50010001` (the seed's format; unique per account and period). */
export function receiptNumber(period: string, accountNumber: string): string {
  return `R-${period.slice(0, 4)}${period.slice(5, 7)}-${accountNumber}`;
}

/** The ledger entry of a bill: «Начислено за ноябрь 2026, квитанция R-202611-50010001». */
export function chargeDescription(period: string, receipt: string): string {
  return `Начислено за ${formatPeriod(period)}, квитанция ${receipt}`;
}

/** The ledger entry of a bill whose total is negative (a recalculation gave more back than the month costs). */
export function creditDescription(period: string, receipt: string): string {
  return `Перерасчёт в пользу абонента за ${formatPeriod(period)}, квитанция ${receipt}`;
}
