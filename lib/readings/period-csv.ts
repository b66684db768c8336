// One billing period's readings as a CSV file for staff: every register of every meter in scope.
import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, meters, readings } from '@/db/schema';
import { formatAccountAddress } from '@/lib/accounts/list';
import { formatDateTime, formatPeriod } from '@/lib/format/dates';
import { zoneShortLabels, zonesForPlan } from '@/lib/tariffs/zones';
import { compareZones } from './consumption';
import { type CsvValue, toCsv } from './csv';
import { staffSourceLabels, volumeMethodLabels } from './labels';
import { inScope, periodSets } from './period-scope';
import { isBillingPeriod } from '@/lib/validation/calendar';

const CSV_HEADER = [
  'Лицевой счёт',
  'Абонент',
  'Адрес',
  'Счётчик',
  'Зона',
  'Период',
  'Показание',
  'Источник',
  'Принято',
] as const;

/** «25.11.2026 14:05» in Moscow: the form Russian Excel reads as a date and time. */
function csvDateTime(value: Date): string {
  return formatDateTime(value).replace(',', '');
}

/**
 * The period as CSV rows: one line per register of every meter in scope — the accepted reading with
 * its source and time, or, without one, «нет показаний» / «по среднему» / «по нормативу» in the
 * source column. One query; the file is built in memory (about 120 bytes a line: 100 000 meters with
 * 1.3 registers on average make ~16 MB), which is fine for a utility of this size.
 */
export async function readingsCsv(period: string): Promise<{ filename: string; csv: string; lines: number }> {
  if (!isBillingPeriod(period)) throw new RangeError(`Not a billing period (YYYY-MM-01): ${period}`);
  const { estimated } = periodSets(period);
  const rows = await db()
    .select({
      meterId: meters.id,
      serialNumber: meters.serialNumber,
      zonePlan: meters.zonePlan,
      account: {
        number: accounts.number,
        holderName: accounts.holderName,
        settlement: accounts.settlement,
        street: accounts.street,
        house: accounts.house,
        flat: accounts.flat,
      },
      zone: readings.zone,
      value: readings.value,
      source: readings.source,
      submittedAt: readings.submittedAt,
      estimate: estimated.method,
    })
    .from(meters)
    .innerJoin(accounts, eq(accounts.id, meters.accountId))
    .leftJoin(
      readings,
      and(
        eq(readings.meterId, meters.id),
        eq(readings.period, period),
        eq(readings.status, 'accepted'),
        sql`${readings.source} <> 'initial'`,
      ),
    )
    .leftJoin(estimated, eq(estimated.meterId, meters.id))
    .where(inScope(period))
    .orderBy(asc(accounts.number), asc(meters.serialNumber), asc(meters.id));

  const periodLabel = formatPeriod(period);
  const lines: CsvValue[][] = [];
  for (let i = 0; i < rows.length;) {
    const first = rows[i]!;
    let j = i;
    while (j < rows.length && rows[j]!.meterId === first.meterId) j++;
    const ofMeter = rows.slice(i, j);
    i = j;
    const address = formatAccountAddress(first.account);
    for (const zone of [...zonesForPlan(first.zonePlan)].sort(compareZones)) {
      const r = ofMeter.find((x) => x.zone === zone);
      const base = [
        first.account.number,
        first.account.holderName,
        address,
        first.serialNumber,
        zoneShortLabels[zone],
        periodLabel,
      ];
      if (r && r.value !== null && r.source && r.submittedAt) {
        lines.push([...base, r.value, staffSourceLabels[r.source], csvDateTime(r.submittedAt)]);
      } else {
        lines.push([...base, null, first.estimate ? volumeMethodLabels[first.estimate] : 'нет показаний', null]);
      }
    }
  }
  return { filename: `readings-${period.slice(0, 7)}.csv`, csv: toCsv(CSV_HEADER, lines), lines: lines.length };
}
