// Pure helpers the chart (client) and the history page (server) share.
import { formatPeriod } from '@/lib/format/dates';
import { formatKwh, formatRub } from '@/lib/format/money';

const SHORT_MONTHS = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'] as const;

/** `2025-11-01` → «ноя 25»: an axis label short enough for 24 months on a 360 px phone. */
export function shortMonthLabel(period: string): string {
  const month = Number(period.slice(5, 7));
  const name = SHORT_MONTHS[month - 1];
  if (!name || !/^\d{4}-\d{2}-01$/.test(period)) throw new RangeError(`Not a billing period (YYYY-MM-01): ${period}`);
  return `${name} ${period.slice(2, 4)}`;
}

/** One billed month of a meter, as the chart draws it. */
export interface ChartMonth {
  period: string;
  kwh: number;
  amountKopecks: number;
  /** Billed by average or norm, not by a reading: drawn hatched. */
  estimated: boolean;
}

/** The chart block's fixed height (legend and both charts), shared with its placeholder so nothing jumps. */
export const CHART_BLOCK_HEIGHT = 400;
/** The two charts' own heights inside the block; ResponsiveContainer needs a parent of a known size. */
export const KWH_CHART_HEIGHT = 180;
export const RUB_CHART_HEIGHT = 130;

/** What a screen reader announces for the figure: the range, the totals and the estimated months. */
export function chartSummary(months: readonly ChartMonth[]): string {
  if (months.length === 0) return 'Начислений за этот период нет.';
  const kwh = months.map((m) => m.kwh);
  const totalKwh = kwh.reduce((a, b) => a + b, 0);
  const totalAmount = months.reduce((a, m) => a + m.amountKopecks, 0);
  const estimated = months.filter((m) => m.estimated).length;
  return (
    `График расхода и начислений за ${months.length} мес., ${formatPeriod(months[0]!.period)} — ${formatPeriod(months.at(-1)!.period)}: ` +
    `всего ${formatKwh(totalKwh)} на ${formatRub(totalAmount)}, от ${formatKwh(Math.min(...kwh))} до ${formatKwh(Math.max(...kwh))} в месяц` +
    (estimated ? `; без показаний, расчётным способом, начислено ${estimated} мес.` : '') +
    '. Те же данные — в таблице под графиком.'
  );
}
