import type { Metadata } from 'next';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { AccountBenefitForm, BenefitCategoryForm } from '@/components/console/benefit-forms';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { EXPIRING_WITHIN_DAYS } from '@/lib/benefits/benefit-schema';
import {
  type AccountBenefit,
  benefitPeriod,
  benefitStateLabels,
  listAccountBenefits,
  listBenefitCategories,
} from '@/lib/benefits/benefits';
import { saveBenefit, saveCategory } from './actions';

export const metadata: Metadata = { title: 'Льготники', robots: { index: false } };

function BenefitsTable({ rows, testId, label }: { rows: AccountBenefit[]; testId: string; label: string }) {
  return (
    <ScrollRegion label={label} className="card p-0 sm:p-0">
      <table className="table-base min-w-[800px]" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Лицевой счёт</th>
            <th scope="col">Категория</th>
            <th scope="col">Документ</th>
            <th scope="col">Срок</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr
              key={b.id}
              data-account={b.accountNumber}
              className={b.state === 'expiring' ? 'bg-amber-50' : undefined}
            >
              <td>
                <span className="font-semibold tabular-nums">{b.accountNumber}</span>
                <span className="block">{b.holderName}</span>
                <span className="block text-xs text-slate-500">{b.address}</span>
              </td>
              <td>
                {b.categoryName} <span className="text-xs text-slate-500">({b.categoryCode})</span>
              </td>
              <td className="text-sm">
                {b.basis}
                {b.hasDocument ? (
                  <a className="block" href={`/admin/benefits/${b.id}/document`}>
                    Скан документа
                  </a>
                ) : null}
              </td>
              <td className="text-sm">
                {benefitPeriod(b)}
                <span
                  className={`block font-medium ${b.state === 'expiring' ? 'text-amber-800' : b.state === 'expired' ? 'text-slate-500' : 'text-green-700'}`}
                  data-testid="benefit-state"
                >
                  {benefitStateLabels[b.state]}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export default async function BenefitsPage() {
  await requireUser('staff', '/admin/benefits');
  const [benefits, categories] = await Promise.all([listAccountBenefits(), listBenefitCategories()]);
  const current = benefits.filter((b) => b.state !== 'expired');
  const expired = benefits.filter((b) => b.state === 'expired');
  const expiring = current.filter((b) => b.state === 'expiring').length;

  return (
    <>
      <PageTitle
        title="Льготники"
        lead={`Льготы абонентов по категориям. Истекающие в ближайшие ${EXPIRING_WITHIN_DAYS} дней выделены; абонент видит только свою льготу.`}
      />
      <div className="mb-4 flex flex-wrap gap-2">
        <a href="/admin/benefits/export?format=csv" className="btn-secondary min-h-11" download>
          Список для соцзащиты, CSV
        </a>
        <a href="/admin/benefits/export?format=xlsx" className="btn-secondary min-h-11" download>
          XLSX
        </a>
      </div>
      <section className="mb-6" aria-labelledby="current-heading">
        <h2 id="current-heading" className="mb-3 text-lg">
          Действующие ({current.length}
          {expiring ? `, из них истекают: ${expiring}` : ''})
        </h2>
        {current.length ? (
          <BenefitsTable rows={current} testId="benefits-current" label="Действующие льготы" />
        ) : (
          <p className="card">Нет.</p>
        )}
      </section>
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="new-benefit-heading">
          <h2 id="new-benefit-heading" className="mb-4 text-lg">
            Записать льготу
          </h2>
          <AccountBenefitForm
            action={saveBenefit}
            categories={categories.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
          />
        </section>
        <section className="card" aria-labelledby="categories-heading">
          <h2 id="categories-heading" className="mb-4 text-lg">
            Категории
          </h2>
          <ul className="mb-4 space-y-2 text-sm" data-testid="benefit-categories">
            {categories.map((c) => (
              <li key={c.id}>
                <span className="font-semibold">{c.name}</span> ({c.code}) — {c.discount}
              </li>
            ))}
          </ul>
          <p className="mb-3 text-sm text-slate-600">Тот же код — изменить название и описание категории.</p>
          <BenefitCategoryForm action={saveCategory} />
        </section>
      </div>
      <section aria-labelledby="expired-heading">
        <h2 id="expired-heading" className="mb-3 text-lg">
          Истёкшие ({expired.length})
        </h2>
        {expired.length ? (
          <BenefitsTable rows={expired} testId="benefits-expired" label="Истёкшие льготы" />
        ) : (
          <p className="card">Нет.</p>
        )}
      </section>
    </>
  );
}
