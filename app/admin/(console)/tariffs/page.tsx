import type { Metadata } from 'next';
import { TariffSetForm, type CurrentRates } from '@/components/console/tariff-set-form';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { listTariffPeriods, periodInForce } from '@/lib/content/tariffs';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { billedTariffIds } from '@/lib/tariffs/tariff-sets';
import { categoryLabels, zonePlanLabels, zoneShortLabels } from '@/lib/tariffs/zones';
import { addTariffSet } from './actions';

export const metadata: Metadata = { title: 'Тарифы — публикация', robots: { index: false } };

function rangeText(from: number, to: number | null): string {
  if (from === 0 && to === null) return '';
  return to === null ? `, свыше ${from} кВт·ч` : `, ${from}–${to} кВт·ч`;
}

export default async function StaffTariffsPage({ searchParams }: PageProps<'/admin/tariffs'>) {
  await requireUser('staff', '/admin/tariffs');
  const { added } = await searchParams;
  const today = moscowDay(new Date());
  const [periods, billed] = await Promise.all([listTariffPeriods(), billedTariffIds()]);
  const current = periodInForce(periods, today);
  const currentRates: CurrentRates = Object.fromEntries(
    (current?.rates ?? []).map((r) => [
      `${r.category}|${r.zonePlan}|${r.zone}|${r.rangeFromKwh}`,
      formatRub(r.priceKopecks),
    ]),
  );
  const nextMonth = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);

  return (
    <>
      <PageTitle
        title="Тарифы"
        lead="Новый набор действует с 1-го числа выбранного месяца; действующий закрывается накануне. Тариф, по которому уже выставлены счета, не меняется."
      />
      {typeof added === 'string' ? (
        <p className="notice mb-4" role="status" data-testid="tariff-added">
          Набор тарифов с {formatDate(added)} добавлен и опубликован на странице «Тарифы».
        </p>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <section className="card" aria-labelledby="new-set-heading">
          <h2 id="new-set-heading" className="mb-4 text-lg">
            Новый набор тарифов
          </h2>
          <TariffSetForm
            action={addTariffSet}
            current={currentRates}
            firstMonth={nextMonth.toISOString().slice(0, 7)}
          />
        </section>
        <section aria-labelledby="history-heading" className="space-y-3">
          <h2 id="history-heading" className="text-lg">
            История и действующие
          </h2>
          <ol className="space-y-3" data-testid="tariff-history">
            {periods.map((p) => (
              <li key={p.effectiveFrom} className="card" data-from={p.effectiveFrom}>
                <h3 className="font-semibold">
                  с {formatDate(p.effectiveFrom)}
                  {p.effectiveFrom > today
                    ? ' · предстоящий'
                    : p.effectiveFrom === current?.effectiveFrom
                      ? ' · действует'
                      : ''}
                </h3>
                {p.decree ? <p className="text-sm text-slate-600">{p.decree}</p> : null}
                <ul className="mt-2 space-y-0.5 text-sm">
                  {p.rates.map((r) => (
                    <li key={r.id} className="flex justify-between gap-3">
                      <span>
                        {categoryLabels[r.category].split(' ')[0]} ·{' '}
                        {zonePlanLabels[r.zonePlan as 1 | 2 | 3].toLowerCase()} ·{' '}
                        {zoneShortLabels[r.zone].toLowerCase()}
                        {rangeText(r.rangeFromKwh, r.rangeToKwh)}
                        {r.effectiveTo ? ` · по ${formatDate(r.effectiveTo)}` : ''}
                        {billed.has(r.id) ? <span className="text-slate-500"> · в счетах, не меняется</span> : null}
                      </span>
                      <span className="tabular-nums font-semibold">{formatRub(r.priceKopecks)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
