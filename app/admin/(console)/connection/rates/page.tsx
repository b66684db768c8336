import type { Metadata } from 'next';
import Link from 'next/link';
import { RateForm } from '@/components/connection/staff-forms';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { RATE_CATEGORY_LABEL } from '@/lib/connection/calculator';
import { listRates } from '@/lib/connection/rates';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { addRateAction } from '../actions';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: 'Ставки платы за технологическое присоединение' };

export default async function ConnectionRatesPage({ searchParams }: PageProps<'/admin/connection/rates'>) {
  await requireUser('staff', '/admin/connection/rates');
  const { added } = await searchParams;
  const rates = await listRates();
  const today = moscowDay(new Date());
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle
        title="Ставки платы"
        lead="Плата за кВт новой мощности по категориям заявителей. Ставка не меняется задним числом: новая вводится с даты."
      />
      {added === '1' ? (
        <p className="notice" role="status">
          Ставка добавлена.
        </p>
      ) : null}
      <ScrollRegion label="Ставки платы за присоединение" className="card">
        <table className="table-base">
          <thead>
            <tr>
              <th scope="col">Категория</th>
              <th scope="col">₽ за кВт</th>
              <th scope="col">С даты</th>
              <th scope="col">Основание</th>
            </tr>
          </thead>
          <tbody>
            {rates.map((r) => (
              <tr key={r.id}>
                <td>{RATE_CATEGORY_LABEL[r.category]}</td>
                <td>{formatRub(r.kopecksPerKw)}</td>
                <td>
                  {formatDate(r.effectiveFrom)}
                  {r.effectiveFrom > today ? ' (будущая)' : ''}
                </td>
                <td>{r.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <section className="card space-y-3" aria-labelledby="rate-new">
        <h2 id="rate-new">Новая ставка</h2>
        <RateForm action={addRateAction} today={today} />
      </section>
      <p>
        <Link href="/admin/connection">← Заявки</Link>
      </p>
    </div>
  );
}
