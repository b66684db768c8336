// The columns of a company's readings file and how the words people type in them are read.
// Pure: the template, the parser and the preview share it.
import { type TariffZone, zonesForPlan, zoneShortLabels } from '@/lib/tariffs/zones';

export type BulkColumn = 'account' | 'serial' | 'zone' | 'value' | 'date';

export const TEMPLATE_HEADER = [
  'Лицевой счёт',
  'Заводской номер счётчика',
  'Зона',
  'Показание, кВт·ч',
  'Дата снятия (необязательно)',
] as const;

export const REQUIRED_COLUMNS: readonly BulkColumn[] = ['account', 'serial', 'zone', 'value'];

export const COLUMN_LABELS: Record<BulkColumn, string> = {
  account: TEMPLATE_HEADER[0],
  serial: TEMPLATE_HEADER[1],
  zone: TEMPLATE_HEADER[2],
  value: TEMPLATE_HEADER[3],
  date: TEMPLATE_HEADER[4],
};

const squeeze = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Which column a header cell names, reading the usual spellings («Лицевой счёт», «Л/с», «Показания»…). */
export function columnOf(header: string): BulkColumn | null {
  const h = squeeze(header);
  if (h.startsWith('лицевой') || h === 'лс' || h === 'номерлс') return 'account';
  if (
    h.includes('заводской') ||
    h.includes('серийный') ||
    h.startsWith('номерсчетчика') ||
    h.startsWith('номерприбора')
  )
    return 'serial';
  if (h.startsWith('зона') || h.startsWith('тарифнаязона')) return 'zone';
  if (h.startsWith('показани')) return 'value';
  if (h.startsWith('дата')) return 'date';
  return null;
}

// T1 is the day on a two-zone meter and the peak on a three-zone one (zoneShortLabels).
const t1 = (plan: number): TariffZone | null => (plan === 2 ? 'day' : plan === 3 ? 'peak' : null);
const ZONE_WORDS = new Map<string, (plan: number) => TariffZone | null>([
  ['', (plan) => (plan === 1 ? 'all_day' : null)],
  ['круглосуточно', () => 'all_day'],
  ['сутки', () => 'all_day'],
  ['т', () => 'all_day'],
  ['t', () => 'all_day'],
  ['день', () => 'day'],
  ['ночь', () => 'night'],
  ['пик', () => 'peak'],
  ['полупик', () => 'half_peak'],
  ['т1', t1],
  ['t1', t1],
  ['т2', () => 'night'],
  ['t2', () => 'night'],
  ['т3', () => 'half_peak'],
  ['t3', () => 'half_peak'],
]);

/** The register a zone cell means on a meter of this zone plan, or null if it has no such zone. */
export function zoneOf(text: string, plan: number): TariffZone | null {
  const full = squeeze(text);
  const labelled = (Object.keys(zoneShortLabels) as TariffZone[]).find((z) => squeeze(zoneShortLabels[z]) === full);
  const zone = labelled ?? ZONE_WORDS.get(squeeze(text.replace(/\([^)]*\)/g, '')))?.(plan) ?? null;
  return zone && zonesForPlan(plan).includes(zone) ? zone : null;
}

/** «День (T1), Ночь (T2)» — the zones a meter has, for a refusal. */
export function zoneList(plan: number): string {
  return zonesForPlan(plan)
    .map((z) => `«${zoneShortLabels[z]}»`)
    .join(', ');
}
