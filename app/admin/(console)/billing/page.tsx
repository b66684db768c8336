import type { Metadata } from 'next';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { BillingRunProgress } from '@/components/billing/billing-run-progress';
import { StartBillingForm } from '@/components/billing/start-billing-form';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { billingPeriodMenu, billingPeriodOverview } from '@/lib/billing/overview';
import { formatRunDuration } from '@/lib/billing/periods';
import { billingRunStatus, listBillingRuns } from '@/lib/billing/run';
import { billingRunJson, runStatusLabels } from '@/lib/billing/run-status';
import { formatDate, formatDateTime, formatPeriod } from '@/lib/format/dates';
import { startBilling } from './actions';
import { isUuid } from '@/lib/validation/ids';

export const metadata: Metadata = { title: 'Начисления', robots: { index: false } };

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);
const statusTone = { running: 'text-brand-700', done: 'text-green-800', failed: 'text-danger-600' } as const;

export default async function StaffBillingPage({ searchParams }: PageProps<'/admin/billing'>) {
  await requireUser('staff', '/admin/billing');
  const params = await searchParams;
  const now = new Date();
  const menu = await billingPeriodMenu(now);
  const requested = one(params.period);
  const period = requested && menu.choices.some((c) => c.period === requested) ? requested : menu.proposed;
  const runParam = one(params.run);

  if (!period) {
    return (
      <>
        <PageTitle title="Начисления" />
        <p className="card" role="alert">
          Тарифы не заведены: начислять не по чему. Заведите тарифы, затем возвращайтесь сюда.
        </p>
      </>
    );
  }

  const [overview, runs, shownRun] = await Promise.all([
    billingPeriodOverview(period, now),
    listBillingRuns(15),
    runParam && isUuid(runParam) ? billingRunStatus(runParam) : null,
  ]);
  // The run asked for in the address (after a start), else the period's run in progress.
  const panelRun = shownRun && shownRun.period === period ? shownRun : overview.running;
  const name = formatPeriod(period);

  return (
    <>
      <PageTitle
        title="Начисления"
        lead="Расчёт за месяц: один счёт на лицевой счёт — по принятым показаниям или по среднему и нормативу, по тарифу, действовавшему в том месяце. Выставленный счёт не меняется: повторный запуск начисляет только тем, кто остался без счёта."
      />

      <form method="get" action="/admin/billing" className="card mb-4 flex flex-wrap items-end gap-4" role="search">
        <div className="w-full sm:w-[30rem]">
          <label htmlFor="period" className="font-medium">
            Расчётный период
          </label>
          <select
            id="period"
            name="period"
            defaultValue={period}
            className="mt-1.5 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
          >
            {menu.choices.map((c) => (
              <option key={c.period} value={c.period}>
                {formatPeriod(c.period)}
                {c.billsIssued > 0 ? ` — выставлено счетов: ${c.billsIssued}` : ' — не начислен'}
                {c.period === menu.proposed ? ' (предлагается)' : ''}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          Показать
        </button>
      </form>

      <section className="card mb-4 grid gap-4" aria-labelledby="period-heading" data-testid="billing-period">
        <h2 id="period-heading">Начисление за {name}</h2>
        <dl className="grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">Счетов уже выставлено</dt>
            <dd className="text-3xl font-bold tabular-nums" data-testid="bills-issued">
              {overview.billsIssued}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Лицевых счетов к начислению сейчас</dt>
            <dd className="text-3xl font-bold tabular-nums" data-testid="billable">
              {overview.billable}
            </dd>
          </div>
        </dl>

        {overview.refusal ? (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-900">
            {overview.refusal}
          </p>
        ) : overview.tariffProblem ? (
          <p
            role="alert"
            className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-900"
            data-testid="tariff-problem"
          >
            {overview.tariffProblem}
          </p>
        ) : overview.billable === 0 && overview.billsIssued > 0 ? (
          <p className="notice" data-testid="nothing-new">
            Счета за {name} уже выставлены: {overview.billsIssued}, новых нет — повторный запуск ничего не начислит.
            {period === menu.closed && menu.accepting.period > period
              ? ` Следующее начисление — за ${formatPeriod(menu.accepting.period)}, после окончания приёма показаний ${formatDate(menu.accepting.closesOn)}.`
              : null}
          </p>
        ) : overview.billsIssued > 0 ? (
          <p className="notice">
            Часть счетов за {name} уже выставлена: их повторный запуск не тронет, начислит только оставшиеся{' '}
            {overview.billable} л/с.
          </p>
        ) : null}

        {overview.windowClosesOn && !overview.refusal ? (
          <p
            className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
            data-testid="window-open"
          >
            Приём показаний за {name} ещё идёт — по {formatDate(overview.windowClosesOn)} включительно. Обычно начисляют
            после его окончания: показания, переданные после начисления, в счёт за {name} уже не попадут.
          </p>
        ) : null}

        {overview.running ? (
          <p className="text-sm text-slate-700">Начисление за {name} сейчас выполняется — дождитесь его окончания.</p>
        ) : overview.refusal ? null : (
          <StartBillingForm
            key={period}
            action={startBilling}
            period={period}
            periodLabel={name}
            quiet={overview.billable === 0}
            openWindow={
              overview.windowClosesOn && overview.estimatedIfBilledNow !== null
                ? `Начислить до окончания приёма показаний: ${overview.estimatedIfBilledNow} л/с без показаний за ${name} получат счёт по расчёту`
                : null
            }
          />
        )}
      </section>

      {panelRun ? (
        <div className="mb-6">
          <BillingRunProgress key={panelRun.id} initial={billingRunJson(panelRun, now)} />
        </div>
      ) : null}

      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading" className="mb-3">
          Последние запуски
        </h2>
        {runs.length === 0 ? (
          <p className="card">Начислений ещё не было.</p>
        ) : (
          <ScrollRegion label="Расчёты по периодам" className="card p-0 sm:p-0">
            <table className="table-base min-w-[48rem]" data-testid="billing-runs">
              <caption className="sr-only">Последние запуски начисления, новые сверху; время московское</caption>
              <thead>
                <tr>
                  <th scope="col">Период</th>
                  <th scope="col">Запустил(а)</th>
                  <th scope="col">Начало (МСК)</th>
                  <th scope="col">Состояние</th>
                  <th scope="col" className="num">
                    Л/с
                  </th>
                  <th scope="col" className="num">
                    Счетов
                  </th>
                  <th scope="col" className="num">
                    Длительность
                  </th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id} data-testid="billing-run-row" data-run={run.id} data-status={run.status}>
                    <td>{formatPeriod(run.period)}</td>
                    <td>{run.startedBy?.fullName ?? '—'}</td>
                    <td className="tabular-nums whitespace-nowrap">{formatDateTime(run.startedAt)}</td>
                    <td>
                      <span className={`font-semibold ${statusTone[run.status]}`}>{runStatusLabels[run.status]}</span>
                      {run.error ? <span className="block max-w-md text-xs text-slate-600">{run.error}</span> : null}
                    </td>
                    <td className="num" data-testid="row-accounts">
                      {run.accountsTotal ?? '—'}
                    </td>
                    <td className="num" data-testid="row-bills">
                      {run.billsCreated ?? '—'}
                    </td>
                    <td className="num">
                      {formatRunDuration((run.finishedAt ?? now).getTime() - run.startedAt.getTime())}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}
