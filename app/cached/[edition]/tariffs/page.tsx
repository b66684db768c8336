import type { Metadata } from 'next';
import { PageTitle } from '@/components/page-title';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import {
  listTariffPeriods,
  periodInForce,
  priceOf,
  tariffRows,
  upcomingPeriods,
  type TariffPeriod,
  type TariffRow,
} from '@/lib/content/tariffs';
import { categoryLabels, zonePlanLabels, zoneShortLabels, type TariffCategory } from '@/lib/tariffs/zones';

export const metadata: Metadata = { title: 'Тарифы на электроэнергию' };

function rangeLabel(row: TariffRow): string {
  if (row.rangeFromKwh === 0 && row.rangeToKwh === null) return '';
  if (row.rangeToKwh === null) return ` свыше ${row.rangeFromKwh} кВт·ч/мес`;
  return ` ${row.rangeFromKwh}–${row.rangeToKwh} кВт·ч/мес`;
}

function periodLabel(p: TariffPeriod): string {
  return p.effectiveTo
    ? `${formatDate(p.effectiveFrom)} – ${formatDate(p.effectiveTo)}`
    : `с ${formatDate(p.effectiveFrom)}`;
}

export default async function TariffsPage() {
  const today = moscowDay(new Date());
  const periods = await listTariffPeriods();
  const current = periodInForce(periods, today);
  const upcoming = upcomingPeriods(periods, today);
  const rows = tariffRows(periods);
  const categories = [...new Set(rows.map((r) => r.category))] as TariffCategory[];

  return (
    <div className="space-y-10">
      <PageTitle
        title="Тарифы на электроэнергию"
        lead="Цены для населения за 1 кВт·ч с НДС. Счёт за месяц рассчитывается по тарифу, действовавшему в этом месяце."
      />

      {current ? (
        <section aria-labelledby="current-heading" className="space-y-4">
          <h2 id="current-heading">Действующие тарифы ({periodLabel(current)})</h2>
          {current.decree ? <p className="text-sm text-slate-600">Основание: {current.decree}</p> : null}
          <div className="grid gap-4 lg:grid-cols-2">
            {categories.map((category) => (
              <div key={category} className="card min-w-0">
                <h3 className="mb-3 font-semibold">{categoryLabels[category]}</h3>
                <table className="table-base">
                  <thead>
                    <tr>
                      {/* Two columns, not three: they fit a phone with every word whole. */}
                      <th scope="col">Тариф, зона суток</th>
                      <th scope="col" className="num">
                        ₽ за кВт·ч
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows
                      .filter((row) => row.category === category)
                      .map((row) => {
                        const price = priceOf(current, row);
                        return price === null ? null : (
                          <tr key={`${row.zonePlan}-${row.zone}-${row.rangeFromKwh}`}>
                            <td>
                              {zonePlanLabels[row.zonePlan]}
                              <span className="block text-slate-600">
                                {zoneShortLabels[row.zone]}
                                {rangeLabel(row)}
                              </span>
                            </td>
                            <td className="num font-semibold">{formatRub(price)}</td>
                          </tr>
                        );
                      })}
                  </tbody>
                </table>
              </div>
            ))}
          </div>
          <p className="text-sm text-slate-600">
            Зоны суток: день 07:00–23:00, ночь 23:00–07:00; пик 07:00–10:00 и 17:00–21:00, полупик 10:00–17:00 и
            21:00–23:00.
          </p>
        </section>
      ) : (
        <p className="card">Действующие тарифы ещё не опубликованы.</p>
      )}

      {upcoming.length > 0 ? (
        <section className="card border-accent-500 bg-amber-50">
          <h2>Предстоящие изменения</h2>
          <ul className="mt-2 list-disc pl-5">
            {upcoming.map((p) => (
              <li key={p.effectiveFrom}>
                Новые тарифы вступают в силу {formatDate(p.effectiveFrom)} — см. таблицу ниже.
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="history-heading" className="space-y-4">
        <h2 id="history-heading">История изменений тарифов</h2>
        <ScrollRegion label="История изменений тарифов" className="card p-0 sm:p-0">
          <table className="table-base min-w-[640px]">
            <caption className="sr-only">Цены за 1 кВт·ч по периодам действия</caption>
            <thead>
              <tr>
                <th scope="col" className="min-w-48">
                  Категория, тариф, зона
                </th>
                {periods.map((p) => (
                  <th key={p.effectiveFrom} scope="col" className="num">
                    {periodLabel(p)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.category}-${row.zonePlan}-${row.zone}-${row.rangeFromKwh}`}>
                  <th scope="row" className="font-normal">
                    <span className="block text-xs text-slate-500">{categoryLabels[row.category]}</span>
                    {zonePlanLabels[row.zonePlan]}, {zoneShortLabels[row.zone].toLowerCase()}
                    {rangeLabel(row)}
                  </th>
                  {periods.map((p) => {
                    const price = priceOf(p, row);
                    return (
                      <td
                        key={p.effectiveFrom}
                        className={`num ${p.effectiveFrom === current?.effectiveFrom ? 'font-semibold' : ''}`}
                      >
                        {price === null ? '—' : formatRub(price)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <ul className="space-y-1 text-sm text-slate-600">
          {periods
            .filter((p) => p.decree)
            .map((p) => (
              <li key={p.effectiveFrom}>
                {periodLabel(p)}: {p.decree}
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}
