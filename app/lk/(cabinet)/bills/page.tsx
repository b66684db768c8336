import type { Metadata } from 'next';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { BillStatusBadge } from '@/components/bills/bill-status';
import { RoleDenied } from '@/components/company/role-denied';
import { PageTitle } from '@/components/page-title';
import { listBills } from '@/lib/bills/queries';
import { isBillingPeriod } from '@/lib/validation/calendar';
import { requireCompanyPage } from '@/lib/company/access';
import { formatDate, formatPeriod } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';

export const metadata: Metadata = { title: 'Счета и документы' };

export default async function CompanyBillsPage({ searchParams }: PageProps<'/lk/bills'>) {
  const access = await requireCompanyPage('bills', '/lk/bills');
  if (!access.allowed) return <RoleDenied title="Счета и документы" role={access.member.role} />;
  const params = await searchParams;
  const bills = await listBills(access.member.user);
  const periods = [...new Set(bills.map((b) => b.period))].sort().reverse();
  const asked = typeof params.period === 'string' && isBillingPeriod(params.period) ? params.period : undefined;
  const period = asked && periods.includes(asked) ? asked : periods[0];
  const shown = bills.filter((b) => b.period === period);
  return (
    <>
      <PageTitle
        title="Счета и документы"
        lead="Счёт на оплату с назначением платежа и счёт-фактура по каждому лицевому счёту; все документы периода — одним архивом."
      />
      {periods.length === 0 ? (
        <p className="card">Счетов пока нет: первый счёт появится после расчётного периода.</p>
      ) : (
        <>
          <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Выбор периода">
            <div>
              <label htmlFor="period" className="block text-sm font-medium">
                Расчётный период
              </label>
              <select
                id="period"
                name="period"
                defaultValue={period}
                className="mt-1.5 block min-h-11 rounded-lg border border-slate-300 bg-white px-3 text-base"
              >
                {periods.map((p) => (
                  <option key={p} value={p}>
                    {formatPeriod(p)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn-secondary">
              Показать
            </button>
            {period ? (
              <a className="btn-primary" href={`/lk/bills/archive?period=${period}`} data-testid="period-zip" download>
                Скачать все документы за {formatPeriod(period)} (ZIP)
              </a>
            ) : null}
          </form>
          <ScrollRegion label="Счета и документы" className="card">
            <table className="table-base">
              <caption className="sr-only">Счета за {period ? formatPeriod(period) : ''}</caption>
              <thead>
                <tr>
                  <th scope="col">Лицевой счёт</th>
                  <th scope="col">Счёт</th>
                  <th scope="col" className="text-right">
                    Сумма с НДС
                  </th>
                  <th scope="col">Оплатить до</th>
                  <th scope="col">Статус</th>
                  <th scope="col">Документы</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((b) => (
                  <tr key={b.id} data-testid="company-bill">
                    <td className="tabular-nums">{b.accountNumber}</td>
                    <td className="tabular-nums">
                      <span className="whitespace-nowrap">№ {b.receiptNumber}</span>
                      <span className="block text-xs text-slate-500">от {formatDate(b.issuedAt)}</span>
                    </td>
                    <td className="text-right tabular-nums whitespace-nowrap" data-testid="bill-amount">
                      {formatRub(b.amountKopecks)}
                    </td>
                    <td className="tabular-nums">{formatDate(b.dueDate)}</td>
                    <td>
                      <BillStatusBadge standing={b} />
                    </td>
                    <td>
                      <ul className="space-y-1 text-sm">
                        <li>
                          <a href={`/lk/bills/${b.id}/invoice`} data-testid="invoice-link">
                            Счёт (PDF)
                          </a>
                        </li>
                        <li>
                          <a href={`/lk/bills/${b.id}/facture`} data-testid="facture-link">
                            Счёт-фактура (PDF)
                          </a>
                        </li>
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </>
  );
}
