// Consumption from cumulative register readings, and the check of a reading a subscriber types in.
// Pure (no database, no `server-only`): the submission form runs `validateNewReading` as the user types
// and the server action runs it again before writing.
import { formatKwh } from '@/lib/format/money';
import type { TariffZone } from '@/lib/tariffs/zones';
import { assertPeriod } from '@/lib/readings/window';

export type Zone = TariffZone;

/** Canonical register order: T1 first, night last (2 zones: day, night; 3 zones: peak, half-peak, night). */
const ZONE_ORDER: readonly Zone[] = ['all_day', 'day', 'peak', 'half_peak', 'night'];

export function compareZones(a: Zone, b: Zone): number {
  return ZONE_ORDER.indexOf(a) - ZONE_ORDER.indexOf(b);
}

export type MeterReading = { period: string; zone: Zone; value: number };
export type InitialReading = { zone: Zone; value: number };

export type PeriodConsumption = {
  period: string;
  zone: Zone;
  /** The register value of this period. */
  reading: number;
  /** `reading` minus the previous reading of the same zone; null for a baseline without a previous one. */
  consumption: number | null;
  /**
   * Period of the reading subtracted; null when it is the initial reading or there is none. When it is
   * more than a month back, `consumption` spans the estimated months in between (see
   * `recalculateAfterReading`) and must not be billed as one month's use.
   */
  previousPeriod: string | null;
};

function assertRegister(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be whole non-negative kWh, got ${value}`);
}

/**
 * Month-by-month consumption of ONE meter: a replacement meter starts its own register from its own
 * initial reading, so the caller runs this per meter and joins the results (DESIGN: «a meter
 * replacement starts a new meter»).
 *
 * `initial` is the register at installation (the `initial` reading source); the first period of each
 * zone is measured from it. Without it, the earliest reading of each zone is only a baseline
 * (`consumption: null`).
 *
 * Throws RangeError on input no real meter can produce: a register going down, two readings for one
 * period and zone (one accepted reading per period), fractional or negative values, a zone missing
 * from `initial`.
 */
export function consumptionByPeriod(
  readings: readonly MeterReading[],
  initial: readonly InitialReading[] | undefined,
): PeriodConsumption[] {
  const start = new Map<Zone, number>();
  for (const r of initial ?? []) {
    assertRegister(r.value, `Initial reading of ${r.zone}`);
    if (start.has(r.zone)) throw new RangeError(`Two initial readings for zone ${r.zone}`);
    start.set(r.zone, r.value);
  }

  const sorted = [...readings].sort((a, b) => a.period.localeCompare(b.period) || compareZones(a.zone, b.zone));
  const last = new Map<Zone, { period: string | null; value: number }>();
  for (const [zone, value] of start) last.set(zone, { period: null, value });

  const result: PeriodConsumption[] = [];
  for (const r of sorted) {
    assertPeriod(r.period);
    assertRegister(r.value, `Reading of ${r.zone} for ${r.period}`);
    const previous = last.get(r.zone);
    if (previous === undefined && initial !== undefined) throw new RangeError(`No initial reading for zone ${r.zone}`);
    if (previous !== undefined && previous.period === r.period) {
      throw new RangeError(`Two readings for ${r.period}, zone ${r.zone}`);
    }
    if (previous !== undefined && r.value < previous.value) {
      throw new RangeError(
        `Reading of ${r.zone} for ${r.period} (${r.value}) is below the previous one (${previous.value})`,
      );
    }
    result.push({
      period: r.period,
      zone: r.zone,
      reading: r.value,
      consumption: previous === undefined ? null : r.value - previous.value,
      previousPeriod: previous?.period ?? null,
    });
    last.set(r.zone, { period: r.period, value: r.value });
  }
  return result;
}

/** A register has at most 8 digits; 9 leaves room for a leading zero copied from the display. */
const MAX_READING_DIGITS = 9;
/** «An implausible jump (say more than 3× the average monthly consumption) needs a confirmation». */
const IMPLAUSIBLE_FACTOR = 3;
/**
 * Below this a jump is never implausible: after a near-empty average (a dacha in winter, a new
 * account) an ordinary month would otherwise be more than 3× it and every subscriber would be asked.
 */
const IMPLAUSIBLE_FLOOR_KWH = 300;

export type NewReadingInput = {
  /** Raw text from the input. */
  value: string;
  /** The previous accepted reading of this meter and zone; null for the first reading. */
  lastAccepted: number | null;
  /** Average monthly consumption of this zone (see `estimates.ts`); null or 0 when unknown. */
  averageMonthly: number | null;
  /**
   * Billing periods the new reading covers since `lastAccepted` (default 1): after two estimated
   * months the register has honestly moved by three months' use.
   */
  months?: number;
};

export type NewReadingCheck =
  { ok: true; value: number; consumption: number | null; implausible: boolean } | { ok: false; reason: string };

const groupDigits = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0, useGrouping: true });
// Thousands may be typed with a space, a no-break space (copied from our own «12 345 кВт·ч») or a thin one.
const SPACES = /[\s\u00a0\u202f]/g;
const WHOLE = /^\d{1,3}( \d{3})+$|^\d+$/;
const FRACTION = /^(\d{1,3}(?: \d{3})+|\d+)[.,]\d*$/;

/**
 * The check of one register value typed by a subscriber (the design asks for «лишь цельные показатели без
 * дробной части»; never below the previous accepted reading; an implausible jump asks to confirm).
 * Every refusal says what to type instead.
 */
export function validateNewReading(input: NewReadingInput): NewReadingCheck {
  const { lastAccepted, averageMonthly } = input;
  const months = input.months ?? 1;
  if (lastAccepted !== null) assertRegister(lastAccepted, 'Last accepted reading');
  if (averageMonthly !== null && (!Number.isFinite(averageMonthly) || averageMonthly < 0)) {
    throw new RangeError(`Average monthly consumption must be non-negative, got ${averageMonthly}`);
  }
  if (!Number.isInteger(months) || months < 1)
    throw new RangeError(`Months must be a positive whole number, got ${months}`);

  const text = input.value.trim().replace(SPACES, ' ').replace(/ +/g, ' ');
  if (text === '') return { ok: false, reason: 'Введите показание счётчика — число кВт·ч с его табло.' };
  if (/^[-−–]\s*\d/.test(text))
    return { ok: false, reason: 'Показание не может быть отрицательным: введите число с табло счётчика.' };

  const fraction = FRACTION.exec(text);
  if (!fraction && !WHOLE.test(text)) {
    return { ok: false, reason: 'Введите показание только цифрами, например 12345 или 12 345.' };
  }
  const digits = (fraction?.[1] ?? text).replace(/ /g, '');
  if (digits.length > MAX_READING_DIGITS) {
    return {
      ok: false,
      reason: `Слишком длинное число: на табло счётчика не больше ${MAX_READING_DIGITS} цифр. Проверьте показание.`,
    };
  }
  const value = Number(digits);
  // The digits after the comma are the register's tenths: the whole part is what the bill uses, so
  // the message offers it rather than a rounded value.
  if (fraction) {
    return {
      ok: false,
      reason: `Показания передаются целым числом кВт·ч, без дробной части: ${groupDigits.format(value)}`,
    };
  }

  if (lastAccepted !== null && value < lastAccepted) {
    return {
      ok: false,
      reason: `Показание не может быть меньше предыдущего: ${formatKwh(lastAccepted)}. Проверьте, что переписали все цифры до запятой; если счётчик заменили, сообщите об этом в разделе «Приборы учёта».`,
    };
  }

  const consumption = lastAccepted === null ? null : value - lastAccepted;
  // No average (new account) or a zero one gives nothing to compare with: the reading is taken as is.
  const implausible =
    consumption !== null &&
    averageMonthly !== null &&
    averageMonthly > 0 &&
    consumption > Math.max(IMPLAUSIBLE_FACTOR * averageMonthly, IMPLAUSIBLE_FLOOR_KWH) * months;
  return { ok: true, value, consumption, implausible };
}
