import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/ui/pagination';
import { StaffReadingForm } from '@/components/meters/staff-reading-form';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { formatDateTime, formatPeriod } from '@/lib/format/dates';
import { formatKwh } from '@/lib/format/money';
import { meterDecisionSummary } from '@/lib/meters/list';
import { READING_FILTERS, type ReadingFilter } from '@/lib/meters/schemas';
import { staffSourceLabels, volumeMethodLabels } from '@/lib/readings/labels';
import { currentStaffPeriod, type OverviewRow, readingsOverview, recentPeriods } from '@/lib/readings/overview';
import { readingsListParams } from '@/lib/readings/overview-params';
import { zonePlanLabels, zoneShortLabels } from '@/lib/tariffs/zones';
import { enterReading } from './actions';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: 'Показания за период', robots: { index: false } };

const filterLabels: Record<ReadingFilter, string> = {
  all: 'Все',
  submitted: 'Передано',
  missing: 'Нет показаний',
  estimated: 'По среднему / нормативу',
};

function StatusCell({ row }: { row: OverviewRow }) {
  if (row.state === 'submitted' && row.submitted) {
    const s = row.submitted;
    return (
      <>
        <span className="font-semibold text-green-800">передано</span>
        <span className="block text-xs text-slate-600" data-testid="reading-source">
          {staffSourceLabels[s.source]}
          {s.submittedBy && s.source === 'staff' ? ` (${s.submittedBy})` : ''}, {formatDateTime(s.submittedAt)}
        </span>
      </>
    );
  }
  if (row.state === 'estimated' && row.estimate) {
    return (
      <>
        <span className="font-semibold text-amber-800">{volumeMethodLabels[row.estimate.method]}</span>
        <span className="block text-xs text-slate-600">начислено {formatKwh(row.estimate.kwh)} без показаний</span>
      </>
    );
  }
  return <span className="font-semibold text-danger-600">нет показаний</span>;
}

export default async function StaffReadingsPage({ searchParams }: PageProps<'/admin/readings'>) {
  const staff = await requireUser('staff', '/admin/readings');
  const [params, current] = await Promise.all([readingsListParams.read(searchParams), currentStaffPeriod()]);
  const period = params.period ?? current;
  const { status: filter, entered } = params;
  const q = params.q ?? undefined;

  const [overview, enteredMeter] = await Promise.all([
    readingsOverview({
      period,
      state: filter === 'all' ? undefined : filter,
      search: q,
      page: params.page,
    }),
    entered ? meterDecisionSummary(entered) : null,
  ]);
  const { counts, rows, page, pageCount, pageSize, matching } = overview;
  const periods = recentPeriods(current, 12);
  if (!periods.includes(period)) periods.push(period);
  const href = (change: { filter?: ReadingFilter; page?: number }) =>
    readingsListParams.href({
      period: period === current ? null : period,
      status: change.filter ?? filter,
      q,
      page: change.page,
    });
  const back = { filter: filter === 'all' ? undefined : filter, page: page > 1 ? page : undefined, q };
  const first = matching === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, matching);

  return (
    <>
      <PageTitle
        title={`Показания за ${formatPeriod(period)}`}
        lead="Счётчики бытовых абонентов: кто передал показания, у кого их нет, кому период начислен по среднему или по нормативу. Показание, продиктованное по телефону, можно внести здесь."
      />
      {enteredMeter ? (
        <p className="notice mb-4" role="status" data-testid="entered">
          Показание за {formatPeriod(period)} внесено: лицевой счёт {enteredMeter.accountNumber}, счётчик №{' '}
          {enteredMeter.serialNumber}.
        </p>
      ) : null}

      <form
        method="get"
        action="/admin/readings"
        className="card mb-4 grid items-end gap-4 sm:grid-cols-[auto_1fr_auto_auto]"
        role="search"
      >
        <div>
          <label htmlFor="period" className="font-medium">
            Период
          </label>
          <select
            id="period"
            name="period"
            defaultValue={period}
            className="mt-1.5 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
          >
            {periods.map((p) => (
              <option key={p} value={p}>
                {formatPeriod(p)}
                {p === current ? ' (текущий приём)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="q" className="font-medium">
            Лицевой счёт или номер счётчика
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q ?? ''}
            inputMode="numeric"
            autoComplete="off"
            className="mt-1.5 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
          />
        </div>
        {filter !== 'all' ? <input type="hidden" name="status" value={filter} /> : null}
        <button type="submit" className="btn-primary">
          Показать
        </button>
        {staff.role === 'admin' ? (
          <a
            href={`/admin/readings/export?period=${period}`}
            download
            className="btn-secondary"
            data-testid="export-csv"
          >
            Выгрузить CSV
          </a>
        ) : null}
      </form>

      <nav aria-label="Отбор по состоянию" className="mb-4">
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="counts">
          {READING_FILTERS.map((f) => {
            const n = f === 'all' ? counts.total : counts[f];
            const active = f === filter;
            return (
              <li key={f}>
                <Link
                  href={href({ filter: f, page: 1 })}
                  aria-current={active ? 'page' : undefined}
                  data-filter={f}
                  className={`inline-flex min-h-11 items-center gap-2 rounded-lg border px-3 py-2 hover:no-underline ${active ? 'border-brand-600 bg-brand-50 font-semibold text-brand-700' : 'border-slate-300 bg-white text-slate-800'}`}
                >
                  {filterLabels[f]} <span className="tabular-nums font-bold">{n}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {rows.length === 0 ? (
        <p className="card">{q ? 'Ничего не нашлось — проверьте номер.' : 'Таких счётчиков за этот период нет.'}</p>
      ) : (
        <ScrollRegion label="Показания счётчиков" className="card p-0 sm:p-0">
          {/* Scrolls sideways on a phone instead of squeezing the columns to a letter each. */}
          <table className="table-base min-w-[52rem]">
            <caption className="sr-only">
              Показания за {formatPeriod(period)}: {filterLabels[filter].toLowerCase()}, строки {first}–{last} из{' '}
              {matching}
            </caption>
            <thead>
              <tr>
                <th scope="col">Лицевой счёт</th>
                <th scope="col">Абонент</th>
                <th scope="col">Счётчик</th>
                <th scope="col">Состояние</th>
                <th scope="col">Показание</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.meterId} data-testid="reading-row" data-serial={row.serialNumber} data-state={row.state}>
                  <td className="tabular-nums">{row.accountNumber}</td>
                  <td>
                    {row.holderName}
                    <span className="block text-xs text-slate-500">{row.address}</span>
                  </td>
                  <td>
                    <span className="tabular-nums">№ {row.serialNumber}</span>
                    <span className="block text-xs text-slate-500">{zonePlanLabels[row.zonePlan]}</span>
                  </td>
                  <td>
                    <StatusCell row={row} />
                  </td>
                  <td className="min-w-56">
                    {row.submitted ? (
                      <ul className="tabular-nums">
                        {row.submitted.values.map((v) => (
                          <li key={v.zone}>
                            {row.zones.length > 1 ? `${zoneShortLabels[v.zone]}: ` : ''}
                            {formatKwh(v.value)}
                          </li>
                        ))}
                      </ul>
                    ) : row.state === 'missing' ? (
                      <details>
                        <summary className="cursor-pointer py-2 font-medium text-brand-600">Внести показание</summary>
                        <div className="pt-2">
                          <StaffReadingForm
                            action={enterReading}
                            meterId={row.meterId}
                            serialNumber={row.serialNumber}
                            period={period}
                            back={back}
                            registers={row.zones.map((zone) => {
                              const previous = row.previous[zone];
                              return {
                                zone,
                                label: zoneShortLabels[zone],
                                hint: previous
                                  ? `Предыдущее: ${formatKwh(previous.value)} (${formatPeriod(previous.period)})`
                                  : 'Предыдущих показаний нет',
                              };
                            })}
                          />
                        </div>
                      </details>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <Pagination
        page={page}
        pageCount={pageCount}
        href={(n) => href({ page: n })}
        previous="← Предыдущие"
        next="Следующие →"
      >
        Строки {first}–{last} из {matching} · страница {page} из {pageCount}
      </Pagination>
    </>
  );
}
