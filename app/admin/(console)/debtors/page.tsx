import type { Metadata } from 'next';
import { DebtNoticeForm } from '@/components/console/debt-notice-form';
import { PageTitle } from '@/components/page-title';
import { Pagination } from '@/components/ui/pagination';
import { requireUser } from '@/lib/auth/session';
import { DEBTORS_PAGE_SIZE, debtorFilterOf, debtorsListParams } from '@/lib/debtors/debtor-filter';
import { debtorSettlements, listDebtors } from '@/lib/debtors/debtors';
import { formatDate, formatDateTime, formatPeriod } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { sendNotice } from './actions';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: 'Должники', robots: { index: false } };

const input = 'mt-1 block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base';

export default async function DebtorsPage({ searchParams }: PageProps<'/admin/debtors'>) {
  await requireUser('staff', '/admin/debtors');
  const params = await debtorsListParams.read(searchParams);
  const filter = debtorFilterOf(params);
  const { page } = params;
  const [{ rows, total }, settlements] = await Promise.all([listDebtors(filter, { page }), debtorSettlements()]);
  const pages = Math.max(Math.ceil(total / DEBTORS_PAGE_SIZE), 1);
  const pageLink = (n: number) => debtorsListParams.href({ ...params, page: n });
  const exportLink = (format: 'csv' | 'xlsx') =>
    debtorsListParams.href({ ...params, page: null }, `/admin/debtors/export?format=${format}`);

  return (
    <>
      <PageTitle
        title="Должники"
        lead="Счета с просроченной оплатой (срок — 10-е число следующего месяца). Только для служебного пользования: имена должников не публикуются (152-ФЗ). Выгрузка попадает в журнал."
      />
      <form method="get" role="search" className="card mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <label className="block">
          <span className="text-sm font-medium">Просрочено больше, ₽</span>
          <input
            name="min"
            defaultValue={params.min ? String(params.min) : ''}
            inputMode="numeric"
            maxLength={12}
            className={input}
          />
        </label>
        <label className="block">
          <span className="text-sm font-medium">Дней просрочки, не меньше</span>
          <input
            name="days"
            defaultValue={params.days ? String(params.days) : ''}
            inputMode="numeric"
            maxLength={5}
            className={input}
          />
        </label>
        <label className="block">
          <span className="text-sm font-medium">Населённый пункт</span>
          <select name="settlement" defaultValue={filter.settlement ?? ''} className={input}>
            <option value="">Все</option>
            {settlements.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary min-h-11 flex-1">
            Найти
          </button>
          <a href={exportLink('csv')} className="btn-secondary min-h-11" download>
            CSV
          </a>
          <a href={exportLink('xlsx')} className="btn-secondary min-h-11" download>
            XLSX
          </a>
        </div>
      </form>
      <p className="mb-3 text-sm text-slate-600" data-testid="debtors-total">
        Найдено должников: {total}
      </p>
      {rows.length === 0 ? (
        <p className="card">Должников по этому фильтру нет.</p>
      ) : (
        <ScrollRegion label="Должники" className="card p-0 sm:p-0">
          <table className="table-base min-w-[960px]" data-testid="debtors-table">
            <thead>
              <tr>
                <th scope="col">Лицевой счёт</th>
                <th scope="col">Просрочено</th>
                <th scope="col">Долг по периодам</th>
                <th scope="col">Пени</th>
                <th scope="col">Последний платёж</th>
                <th scope="col">Уведомление</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.accountId} data-account={d.number}>
                  <td>
                    <span className="font-semibold tabular-nums">{d.number}</span>
                    <span className="block">{d.holderName}</span>
                    <span className="block text-xs text-slate-500">{d.address}</span>
                  </td>
                  <td className="whitespace-nowrap tabular-nums">
                    <span className="font-semibold text-danger-600" data-testid="overdue">
                      {formatRub(d.overdueKopecks)}
                    </span>
                    <span className="block text-xs text-slate-500">
                      {d.daysOverdue > 0 ? `${d.daysOverdue} дн.` : ''} · всего {formatRub(d.balanceKopecks)}
                    </span>
                    {d.thresholdKopecks !== null ? (
                      <span className="block text-xs text-slate-500">
                        {d.overdueKopecks > d.thresholdKopecks
                          ? 'выше порога п. 118'
                          : `порог п. 118: ${formatRub(d.thresholdKopecks)}`}
                      </span>
                    ) : null}
                  </td>
                  <td className="text-sm tabular-nums">
                    <ul>
                      {d.periods.map((p) => (
                        <li key={p.period}>
                          {formatPeriod(p.period)}: {formatRub(p.owedKopecks)}
                        </li>
                      ))}
                      {d.otherOverdueKopecks > 0 ? <li>прочее: {formatRub(d.otherOverdueKopecks)}</li> : null}
                    </ul>
                  </td>
                  <td className="whitespace-nowrap tabular-nums">{formatRub(d.penaltiesKopecks)}</td>
                  <td className="whitespace-nowrap text-sm tabular-nums">
                    {d.lastPayment
                      ? `${formatDate(d.lastPayment.at)}, ${formatRub(d.lastPayment.amountKopecks)}`
                      : 'платежей не было'}
                  </td>
                  <td className="min-w-48 text-sm">
                    {d.lastNotice ? (
                      <a
                        href={`/admin/debtors/notices/${d.lastNotice.id}`}
                        className="mb-2 block"
                        data-testid="last-notice"
                      >
                        Направлено {formatDateTime(d.lastNotice.at)} (PDF)
                      </a>
                    ) : null}
                    {d.kind === 'household' ? (
                      <DebtNoticeForm action={sendNotice} accountId={d.accountId} number={d.number} />
                    ) : (
                      <span className="text-slate-500">юрлицо: по договору</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pagination page={page} pageCount={pages} href={pageLink} previous="← Предыдущая" next="Следующая →" />
    </>
  );
}
