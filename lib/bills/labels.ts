// How a bill line reads in the table of the bill page and of the PDF receipt. Pure.
import { formatPeriod } from '@/lib/format/dates';
import { volumeMethodLabels } from '@/lib/readings/labels';
import { zoneShortLabels, type TariffZone } from '@/lib/tariffs/zones';
import type { BillLineKind } from '@/db/enums';

type LineLike = {
  kind: BillLineKind;
  method: 'reading' | 'average' | 'norm' | 'recalculation' | null;
  zone: TariffZone | null;
  forPeriod: string | null;
};

/**
 * «по показаниям», «по среднему», «по нормативу», «перерасчёт» (with the month it corrects when that is
 * not the bill's own period), «пени», «корректировка».
 */
export function lineMethodLabel(line: LineLike, billPeriod: string): string {
  if (line.kind === 'penalty') return 'пени';
  if (line.kind === 'adjustment') return 'корректировка';
  const label =
    line.kind === 'recalculation'
      ? volumeMethodLabels.recalculation
      : line.method
        ? volumeMethodLabels[line.method]
        : '—';
  const corrects =
    line.forPeriod &&
    line.forPeriod !== billPeriod &&
    (line.kind === 'recalculation' || line.method === 'recalculation');
  return corrects ? `${label} за ${formatPeriod(line.forPeriod!)}` : label;
}

export function lineZoneLabel(line: Pick<LineLike, 'zone'>): string {
  return line.zone ? zoneShortLabels[line.zone] : '—';
}

/** The line was billed without a reading (the UI marks it: estimates cost the subscriber more). */
export function isEstimatedLine(line: Pick<LineLike, 'method'>): boolean {
  return line.method === 'average' || line.method === 'norm';
}
