// The texts of describe.ts as SQL expressions, so the billing run writes thousands of bill lines in one
// statement. Every builder mirrors the function of the same name there: Intl's ru-RU numbers (groups
// of three split by a no-break space, a hyphen-minus for the sign), «8,90 ₽», the month names of
// `formatPeriod`. Constant words travel as parameters, never spliced into the SQL text.
// tests/unit/billing-describe.test.ts runs both sides on the same values.
import { sql, type SQL } from 'drizzle-orm';
import { formatPeriod } from '@/lib/format/dates';
import { zoneShortLabels, type TariffZone } from '@/lib/tariffs/zones';
import { zoneInLine } from './describe';

const text = (value: string) => sql`${value}::text`;
const NBSP = '\u00a0';

/** Nominative month names as `formatPeriod` writes them, January first. */
const MONTHS = Array.from({ length: 12 }, (_, i) =>
  formatPeriod(`2000-${String(i + 1).padStart(2, '0')}-01`).replace(/ 2000$/, ''),
);

/** A whole number as `Intl.NumberFormat('ru-RU')` writes it: «-1 234 567». */
export function sqlInteger(value: SQL): SQL {
  return sql`(case when (${value}) < 0 then '-' else '' end || regexp_replace(abs(${value})::text, ${'(\\d)(?=(\\d{3})+$)'}::text, ${`\\1${NBSP}`}::text, 'g'))`;
}

/** `formatKwh`: «1 234 кВт·ч». */
export function sqlKwh(value: SQL): SQL {
  return sql`(${sqlInteger(value)} || ${`${NBSP}кВт·ч`}::text)`;
}

/** `formatRub`: kopecks → «1 234,50 ₽». */
export function sqlRub(kopecks: SQL): SQL {
  return sql`(case when (${kopecks}) < 0 then '-' else '' end || ${sqlInteger(sql`(abs(${kopecks}) / 100)`)} || ',' || lpad((abs(${kopecks}) % 100)::text, 2, '0') || ${`${NBSP}₽`}::text)`;
}

/** `monthName` of a `date` expression. */
export function sqlMonthName(period: SQL): SQL {
  return sql`((array[${sql.join(MONTHS.map(text), sql`, `)}])[extract(month from ${period})::int])`;
}

/** `formatPeriod` of a `date` expression: «ноябрь 2026». */
export function sqlPeriod(period: SQL): SQL {
  return sql`(${sqlMonthName(period)} || ' ' || extract(year from ${period})::int::text)`;
}

/** `periodRange` of two `date` expressions. */
export function sqlPeriodRange(from: SQL, to: SQL): SQL {
  return sql`(case
    when (${from}) = (${to}) then ${sqlPeriod(from)}
    when extract(year from ${from}) = extract(year from ${to}) then ${sqlMonthName(from)} || ' – ' || ${sqlPeriod(to)}
    else ${sqlPeriod(from)} || ' – ' || ${sqlPeriod(to)}
  end)`;
}

/** `zoneInLine` of a `tariff_zone` expression. */
export function sqlZoneInLine(zone: SQL): SQL {
  const zones = Object.keys(zoneShortLabels) as TariffZone[];
  return sql`(case ${zone}::text ${sql.join(
    zones.map((z) => sql`when ${z}::text then ${zoneInLine(z)}::text`),
    sql` `,
  )} end)`;
}

/** `meterInLine`: the serial when `several` (a boolean expression) is true. */
function sqlMeterInLine(serial: SQL, several: SQL): SQL {
  return sql`(case when ${several} then ${' (счётчик № '}::text || ${serial} || ')' else '' end)`;
}

function sqlFormula(kwh: SQL, priceKopecks: SQL): SQL {
  return sql`(': ' || ${sqlKwh(kwh)} || ' × ' || ${sqlRub(priceKopecks)})`;
}

/** `consumptionLineDescription`; `estimateReason` is a text expression, null for a reading. */
export function sqlConsumptionLineDescription(line: {
  zone: SQL;
  kwh: SQL;
  priceKopecks: SQL;
  meterSerial: SQL;
  severalMeters: SQL;
  estimateReason: SQL;
}): SQL {
  return sql`(${'Электроэнергия'}::text || ${sqlMeterInLine(line.meterSerial, line.severalMeters)} || ${sqlZoneInLine(line.zone)}
    || coalesce(${', расчётный объём ('}::text || ${line.estimateReason} || ')', '')
    || ${sqlFormula(line.kwh, line.priceKopecks)})`;
}

/** `recalculationLineDescription`; periods are `date` expressions, `realKwh`/`monthRealKwh` may be null. */
export function sqlRecalculationLineDescription(line: {
  zone: SQL;
  kwh: SQL;
  priceKopecks: SQL;
  meterSerial: SQL;
  severalMeters: SQL;
  month: SQL;
  period: SQL;
  estimatedFrom: SQL;
  realKwh: SQL;
  monthRealKwh: SQL;
  monthEstimatedKwh: SQL;
}): SQL {
  return sql`(${'Перерасчёт'}::text || ${sqlMeterInLine(line.meterSerial, line.severalMeters)} || ${sqlZoneInLine(line.zone)}
    || ' за ' || ${sqlPeriod(line.month)} || ': '
    || coalesce(${'по счётчику '}::text || ${sqlKwh(line.monthRealKwh)} || ' из ' || ${sqlKwh(line.realKwh)}
      || ' за ' || ${sqlPeriodRange(line.estimatedFrom, line.period)} || ', ', '')
    || ${'начислено без показаний '}::text || ${sqlKwh(line.monthEstimatedKwh)}
    || ${sqlFormula(line.kwh, line.priceKopecks)})`;
}
