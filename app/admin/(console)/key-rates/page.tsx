import type { Metadata } from 'next';
import { KeyRateForm, ReliefPeriodForm } from '@/components/console/key-rate-forms';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { formatRatePercent, listKeyRates, listReliefPeriods } from '@/lib/billing/key-rates';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { createKeyRate, createReliefPeriod } from './actions';

export const metadata: Metadata = { title: 'Ключевая ставка и пени', robots: { index: false } };

const addedNotices: Record<string, string> = {
  rate: 'Ставка добавлена: начисления с этой даты считают пени по ней.',
  relief: 'Период добавлен: следующие начисления его учитывают.',
};

export default async function KeyRatesPage({ searchParams }: PageProps<'/admin/key-rates'>) {
  await requireUser('staff', '/admin/key-rates');
  const { added } = await searchParams;
  const today = moscowDay(new Date());
  const [rates, reliefs] = await Promise.all([listKeyRates(), listReliefPeriods()]);
  const inForce = rates.find((r) => r.effectiveFrom <= today);

  return (
    <>
      <PageTitle
        title="Ключевая ставка и пени"
        lead="Пени (ЖК РФ ст. 155 ч. 14) начисляются при выставлении счёта: с 31-го дня просрочки 1/300 ключевой ставки в день, с 91-го — 1/130, по ставке на день расчёта, не выше предельной; в дни моратория пени нет."
      />
      {typeof added === 'string' && addedNotices[added] ? (
        <p className="notice mb-4" role="status" data-testid="key-rate-added">
          {addedNotices[added]}
        </p>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-2">
        <section className="card space-y-4" aria-labelledby="rates-heading">
          <h2 id="rates-heading" className="text-lg">
            Ключевая ставка Банка России
          </h2>
          <p className="text-sm text-slate-600">
            {inForce
              ? `Сегодня действует ${formatRatePercent(inForce.rateBasisPoints)} (с ${formatDate(inForce.effectiveFrom)}).`
              : 'Действующая ставка не заведена: пени не начисляются, пока её нет.'}
          </p>
          <KeyRateForm action={createKeyRate} />
          <ol className="space-y-1 text-sm" data-testid="key-rate-history">
            {rates.map((r) => (
              <li key={r.id} className="flex justify-between gap-3" data-from={r.effectiveFrom}>
                <span>с {formatDate(r.effectiveFrom)}</span>
                <span className="tabular-nums font-semibold">{formatRatePercent(r.rateBasisPoints)}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="card space-y-4" aria-labelledby="relief-heading">
          <h2 id="relief-heading" className="text-lg">
            Мораторий и предельная ставка
          </h2>
          <ReliefPeriodForm action={createReliefPeriod} />
          <ul className="space-y-2 text-sm" data-testid="relief-periods">
            {reliefs.map((p) => (
              <li key={p.id}>
                <span className="font-semibold">
                  {p.kind === 'moratorium' ? 'Мораторий' : `Не выше ${formatRatePercent(p.capBasisPoints ?? 0)}`}
                </span>{' '}
                с {formatDate(p.startsOn)} по {formatDate(p.endsOn)}
                <span className="block text-slate-600">{p.basis}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
