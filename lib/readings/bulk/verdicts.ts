// The verdict on every row of a company's readings file, by the rules of the readings form: the
// meter must be one of the company's active meters, the zone one of its registers, the value pass
// `validateNewReading` against the same baseline (./baselines.ts), all registers of a meter come
// together, and a reading counts for the period the window says. Set-based: the company's meters,
// the baselines and what is already accepted for the period are read once, whatever the row count.
import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { accounts, meters, readings } from '@/db/schema';
import { formatDate, formatPeriod, moscowDay } from '@/lib/format/dates';
import { formatKwh } from '@/lib/format/money';
import { type TariffZone, zonesForPlan, zoneShortLabels } from '@/lib/tariffs/zones';
import { checkRegister, registerBaselines, registerKey } from '../baselines';
import { readingWindowOf } from '../settings';
import { type ReadingWindowStatus, readingWindowStatus } from '../window';
import { zoneList, zoneOf } from './columns';
import type { FileRow } from './parse';

export type VerdictStatus = 'accepted' | 'confirm' | 'refused';

export interface RowVerdict extends FileRow {
  status: VerdictStatus;
  /** Why refused, what to confirm, or a note on an accepted row (a replacement). */
  reason: string | null;
  meterId: string | null;
  zoneKey: TariffZone | null;
  parsedValue: number | null;
  consumption: number | null;
}

export interface FileVerdicts {
  window: ReadingWindowStatus;
  rows: RowVerdict[];
  counts: Record<VerdictStatus, number>;
  /** Changes whenever anything the verdicts rest on changes: compared at confirmation. */
  fingerprint: string;
}

const FORMULA = 'В ячейке формула. Вставьте в файл значения («Специальная вставка → Значения»), формулы не вычисляем.';
const NOT_OURS = 'Прибор учёта с таким номером не найден на этом лицевом счёте среди приборов вашей организации.';
const NOT_ACTIVE = 'Счётчик не найден или ещё не подтверждён сотрудником.';

const digitsOnly = (text: string) => text.replace(/[\s\u00a0]/g, '');
const meterKey = (account: string, serial: string) => `${digitsOnly(account)}|${digitsOnly(serial).toUpperCase()}`;

/** `ДД.ММ.ГГГГ` or `ГГГГ-ММ-ДД` → `YYYY-MM-DD`, or null. */
function dayOf(text: string): string | null {
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = ru ? [ru[3]!, ru[2]!, ru[1]!] : iso ? [iso[1]!, iso[2]!, iso[3]!] : [];
  if (!y || !m || !d) return null;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day ? day : null;
}

/**
 * The verdicts on `rows` for the company whose accounts are `accountIds`, as of `now`. Runs in the
 * caller's transaction at confirmation (after the meters are locked), on the pool for the preview.
 */
export async function fileVerdicts(
  executor: Db | Tx,
  accountIds: readonly string[],
  rows: readonly FileRow[],
  now: Date,
): Promise<FileVerdicts> {
  const windowConfig = await readingWindowOf(executor);
  const window = readingWindowStatus(now, windowConfig);
  const period = window.period;
  const today = moscowDay(now);

  const meterRows = accountIds.length
    ? await executor
        .select({
          id: meters.id,
          accountNumber: accounts.number,
          serial: meters.serialNumber,
          zonePlan: meters.zonePlan,
          status: meters.status,
        })
        .from(meters)
        .innerJoin(accounts, eq(accounts.id, meters.accountId))
        .where(inArray(meters.accountId, [...accountIds]))
    : [];
  const byKey = new Map(meterRows.map((m) => [meterKey(m.accountNumber, m.serial), m]));
  const used = [
    ...new Set(
      rows
        .map((r) => byKey.get(meterKey(r.account, r.serial)))
        .filter((m) => m?.status === 'active')
        .map((m) => m!.id),
    ),
  ];
  const baselines = await registerBaselines(executor, used, period);
  const current = used.length
    ? await executor
        .select({ meterId: readings.meterId, zone: readings.zone, value: readings.value })
        .from(readings)
        .where(and(inArray(readings.meterId, used), eq(readings.period, period), eq(readings.status, 'accepted')))
        .orderBy(readings.meterId, readings.zone)
    : [];
  const currentByKey = new Map(current.map((c) => [registerKey(c.meterId, c.zone), c.value]));

  const verdicts: RowVerdict[] = rows.map((row) => {
    const base = { ...row, meterId: null, zoneKey: null, parsedValue: null, consumption: null };
    const refuse = (reason: string): RowVerdict => ({ ...base, status: 'refused', reason });
    if (row.formula) return refuse(FORMULA);
    if (!row.account) return refuse('Не указан лицевой счёт.');
    if (!row.serial) return refuse('Не указан заводской номер счётчика.');
    const meter = byKey.get(meterKey(row.account, row.serial));
    if (!meter) return refuse(NOT_OURS);
    if (meter.status !== 'active') return refuse(NOT_ACTIVE);
    const zone = zoneOf(row.zone, meter.zonePlan);
    if (!zone) {
      return refuse(
        row.zone
          ? `Неизвестная зона «${row.zone}»: у этого прибора зоны ${zoneList(meter.zonePlan)}.`
          : `Укажите зону: у этого прибора зоны ${zoneList(meter.zonePlan)}.`,
      );
    }
    const found = { ...base, meterId: meter.id, zoneKey: zone };
    if (row.date) {
      const day = dayOf(row.date);
      if (!day) return { ...found, status: 'refused', reason: `Дата «${row.date}» не распознана: укажите ДД.ММ.ГГГГ.` };
      if (day > today) return { ...found, status: 'refused', reason: 'Дата снятия показаний ещё не наступила.' };
      // The day the reading was taken decides its period by the same window rule as a submission now.
      const taken = readingWindowStatus(new Date(`${day}T12:00:00+03:00`), windowConfig);
      if (taken.period !== period) {
        return {
          ...found,
          status: 'refused',
          reason: `Вне окна приёма: показания от ${formatDate(day)} относятся к периоду «${formatPeriod(taken.period)}», а сейчас принимаются показания за ${formatPeriod(period)}.`,
        };
      }
    }
    const check = checkRegister(row.value, baselines.get(registerKey(meter.id, zone)), period);
    if (!check.ok) return { ...found, status: 'refused', reason: check.reason };
    const previous = currentByKey.get(registerKey(meter.id, zone));
    const note =
      previous === undefined || previous === check.value
        ? null
        : `Заменит принятое ранее за ${formatPeriod(period)}: ${formatKwh(previous)}.`;
    return {
      ...found,
      status: check.implausible ? 'confirm' : 'accepted',
      reason: check.implausible
        ? 'Расход намного больше обычного. Проверьте цифры и подтвердите, если всё верно.'
        : note,
      parsedValue: check.value,
      consumption: check.consumption,
    };
  });

  refuseDuplicates(verdicts);
  refuseIncompleteMeters(verdicts, new Map(meterRows.map((m) => [m.id, m.zonePlan])));

  const counts = { accepted: 0, confirm: 0, refused: 0 };
  for (const v of verdicts) counts[v.status] += 1;
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify({
        period,
        rows: verdicts.map((v) => [v.line, v.status, v.meterId, v.zoneKey, v.parsedValue, v.reason]),
        current,
      }),
    )
    .digest('hex');
  return { window, rows: verdicts, counts, fingerprint };
}

/** One register, one row: a repeat is refused; two different values for one register refuse both. */
function refuseDuplicates(verdicts: RowVerdict[]): void {
  const groups = new Map<string, RowVerdict[]>();
  for (const v of verdicts) {
    if (!v.meterId || !v.zoneKey) continue;
    const key = registerKey(v.meterId, v.zoneKey);
    const group = groups.get(key);
    if (group) group.push(v);
    else groups.set(key, [v]);
  }
  for (const group of groups.values()) {
    // A row refused for its own reason keeps that reason; the rest are judged among themselves.
    const [first, ...rest] = group.filter((v) => v.status !== 'refused');
    if (!first || rest.length === 0) continue;
    if (rest.every((v) => v.value === first.value)) {
      for (const v of rest) {
        Object.assign(v, refusedWith(`Повтор строки ${first.line}: этот прибор и зона уже есть в файле.`));
      }
    } else {
      const lines = [first, ...rest].map((v) => v.line).join(', ');
      for (const v of [first, ...rest]) {
        Object.assign(
          v,
          refusedWith(`Для этого прибора и зоны в файле разные показания (строки ${lines}): оставьте одно.`),
        );
      }
    }
  }
}

/** The form takes all registers of a meter together or none: a meter with a refused or missing zone is refused whole. */
function refuseIncompleteMeters(verdicts: RowVerdict[], plans: Map<string, number>): void {
  const byMeter = new Map<string, RowVerdict[]>();
  for (const v of verdicts) {
    if (!v.meterId) continue;
    const group = byMeter.get(v.meterId);
    if (group) group.push(v);
    else byMeter.set(v.meterId, [v]);
  }
  for (const [meterId, group] of byMeter) {
    const good = group.filter((v) => v.status !== 'refused');
    if (good.length === 0) continue;
    const missing = zonesForPlan(plans.get(meterId)!).filter((z) => !good.some((v) => v.zoneKey === z));
    if (missing.length === 0) continue;
    const refused = group.filter((v) => v.status === 'refused' && v.zoneKey !== null && missing.includes(v.zoneKey));
    const why =
      refused.length > 0
        ? `не принята строка ${refused.map((v) => v.line).join(', ')} этого прибора`
        : `нет строки для зоны ${missing.map((z) => `«${zoneShortLabels[z]}»`).join(', ')}`;
    for (const v of good) {
      Object.assign(v, refusedWith(`Показания прибора принимаются по всем зонам сразу, а ${why}.`));
    }
  }
}

function refusedWith(reason: string): Partial<RowVerdict> {
  return { status: 'refused', reason, parsedValue: null, consumption: null };
}
