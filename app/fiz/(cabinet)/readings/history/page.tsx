import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConsumptionChart } from '@/components/charts/consumption-chart';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { formatPeriod } from '@/lib/format/dates';
import { formatKwh, formatRub } from '@/lib/format/money';
import {
  type AccountHistory,
  DEFAULT_HISTORY_MONTHS,
  type HistoryRow,
  historyForUser,
  type MeterHistory,
} from '@/lib/readings/history';
import { subscriberSourceLabels, volumeMethodLabels } from '@/lib/readings/labels';
import { currentReadingWindow } from '@/lib/readings/settings';
import { zonePlanLabels, zoneShortLabels, type ZonePlan } from '@/lib/tariffs/zones';

export const metadata: Metadata = { title: 'История показаний и потребления' };

const wholeNumber = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How the month's volume was obtained, in the subscriber's words. */
function howObtained(row: HistoryRow): string {
  switch (row.method) {
    case 'average':
    case 'norm':
    case 'recalculation':
      return volumeMethodLabels[row.method];
    case 'reading':
      return row.readingSource ? subscriberSourceLabels[row.readingSource] : 'по показаниям';
    case null:
      if (!row.readingSource) return '—';
      return row.readingSource === 'initial'
        ? subscriberSourceLabels.initial
        : `${subscriberSourceLabels[row.readingSource]}, ещё не начислено`;
  }
}

const isEstimate = (row: HistoryRow) => row.method === 'average' || row.method === 'norm';

type SubmissionDays = { fromDay: number; toDay: number };

function EstimatedNotice({
  history,
  account,
  days,
}: {
  history: MeterHistory;
  account: AccountHistory;
  days: SubmissionDays;
}) {
  const { estimatedPeriods } = history;
  if (estimatedPeriods.length === 0) return null;
  const norm = account.residents * account.normKwhPerResident;
  return (
    <div className="notice mb-4 space-y-2" data-testid="estimated-notice">
      <p className="font-semibold">
        Без показаний, расчётным способом начислено:{' '}
        {estimatedPeriods
          .map((e) => `${formatPeriod(e.period)} (${volumeMethodLabels[e.method]}, ${formatKwh(e.kwh)})`)
          .join(', ')}
        .
      </p>
      <p>Почему передавать показания выгоднее:</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          Без показаний объём считают по вашему среднемесячному расходу за прошлые месяцы. В месяц, когда вы тратите
          меньше обычного (летом, в отпуске), вы платите за электроэнергию, которую не потратили.
        </li>
        <li>
          Если показаний нет больше трёх месяцев подряд, начисляют по нормативу на каждого проживающего
          {norm > 0
            ? ` (по вашему счёту — ${account.residents} чел. × ${formatKwh(account.normKwhPerResident)} = ${formatKwh(norm)} в месяц)`
            : ''}
          , сколько бы вы ни потратили на самом деле — и при экономном расходе это переплата.
        </li>
        <li>
          Когда вы передадите показания, начисления за эти месяцы пересчитают по счётчику: разница — в ту или другую
          сторону — будет в следующем счёте.
        </li>
      </ul>
      <p>
        <Link href="/fiz/readings">Передать показания</Link> — каждый месяц, с {days.fromDay} по {days.toDay} число.
      </p>
    </div>
  );
}

function HistoryTable({ history }: { history: MeterHistory }) {
  const { meter, rows, totals } = history;
  const multiZone = meter.zones.length > 1;
  const periods = [...new Set(rows.map((r) => r.period))];
  const captionId = `history-caption-${meter.id}`;
  return (
    <div className="overflow-x-auto" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table-base whitespace-nowrap [overflow-wrap:normal]" data-testid="history-table">
        <caption id={captionId} className="mb-2 text-left text-sm font-semibold whitespace-normal text-slate-700">
          Показания и расход по месяцам, счётчик № {meter.serialNumber}
        </caption>
        <thead>
          <tr>
            <th scope="col">Месяц</th>
            {multiZone ? <th scope="col">Зона</th> : null}
            <th scope="col" className="num text-right">
              Показание, кВт·ч
            </th>
            <th scope="col" className="num text-right">
              Расход, кВт·ч
            </th>
            <th scope="col">Как определён</th>
            <th scope="col" className="num text-right">
              Начислено
            </th>
          </tr>
        </thead>
        {periods.map((period) => {
          const zoneRows = rows.filter((r) => r.period === period);
          const total = multiZone ? totals.find((t) => t.period === period) : undefined;
          const span = zoneRows.length + (total ? 1 : 0);
          return (
            <tbody key={period} data-period={period}>
              {zoneRows.map((row, index) => (
                <tr
                  key={row.zone}
                  data-testid="history-row"
                  data-method={row.method ?? ''}
                  className={isEstimate(row) ? 'bg-amber-50' : undefined}
                >
                  {index === 0 ? (
                    <th
                      scope={span > 1 ? 'rowgroup' : 'row'}
                      rowSpan={span > 1 ? span : undefined}
                      className="whitespace-nowrap"
                    >
                      {capitalized(formatPeriod(period))}
                    </th>
                  ) : null}
                  {multiZone ? <td className="whitespace-nowrap">{zoneShortLabels[row.zone]}</td> : null}
                  <td className="num">
                    {row.reading === null ? (isEstimate(row) ? 'нет показаний' : '—') : wholeNumber.format(row.reading)}
                  </td>
                  <td className="num">{row.consumptionKwh === null ? '—' : wholeNumber.format(row.consumptionKwh)}</td>
                  <td className={isEstimate(row) ? 'font-medium text-amber-900' : undefined}>{howObtained(row)}</td>
                  <td className="num">{row.amountKopecks === null ? '—' : formatRub(row.amountKopecks)}</td>
                </tr>
              ))}
              {total ? (
                <tr className="font-semibold">
                  <th scope="row" className="bg-transparent">
                    Итого
                  </th>
                  <td />
                  <td className="num">{wholeNumber.format(total.kwh)}</td>
                  <td>{total.estimated ? 'расчётный месяц' : ''}</td>
                  <td className="num">{formatRub(total.amountKopecks)}</td>
                </tr>
              ) : null}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

function MeterSection({
  history,
  account,
  days,
}: {
  history: MeterHistory;
  account: AccountHistory;
  days: SubmissionDays;
}) {
  const { meter } = history;
  const headingId = `meter-${meter.id}`;
  return (
    <article className="card" aria-labelledby={headingId} data-testid="meter-history" data-serial={meter.serialNumber}>
      <h3 id={headingId} className="text-lg font-semibold">
        Счётчик № {meter.serialNumber}
        {meter.model ? <span className="font-normal text-slate-600"> · {meter.model}</span> : null}
      </h3>
      <p className="mb-4 text-sm text-slate-600">
        {zonePlanLabels[meter.zonePlan as ZonePlan] ?? `${meter.zonePlan} зоны`}:{' '}
        {meter.zones.map((z) => zoneShortLabels[z]).join(', ')}
      </p>
      <EstimatedNotice history={history} account={account} days={days} />
      {history.rows.length === 0 ? (
        <p className="text-slate-600">
          За последние {DEFAULT_HISTORY_MONTHS} месяца показаний и начислений по этому счётчику нет.
        </p>
      ) : (
        <>
          {history.totals.length > 0 ? (
            <div className="mb-6">
              <h4 className="mb-2 font-semibold text-slate-800">Расход и начисления по месяцам</h4>
              <ConsumptionChart months={history.totals} />
            </div>
          ) : null}
          <HistoryTable history={history} />
        </>
      )}
    </article>
  );
}

export default async function ReadingsHistoryPage({ searchParams }: PageProps<'/fiz/readings/history'>) {
  const user = await requireUser('household', '/fiz/readings/history');
  const { account } = await searchParams;
  const accountId = Array.isArray(account) ? account[0] : account;
  const history = await historyForUser(user, accountId);
  if (history === null) notFound();
  const window = await currentReadingWindow();
  const days = { fromDay: Number(window.opensOn.slice(8, 10)), toDay: Number(window.closesOn.slice(8, 10)) };

  return (
    <>
      <PageTitle
        title="История показаний и потребления"
        lead={`По каждому счётчику и зоне за последние ${DEFAULT_HISTORY_MONTHS} месяца: показания, начисленный расход, как он определён и сумма. Месяцы без показаний выделены.`}
      />
      {accountId !== undefined ? (
        <p className="mb-4 text-sm">
          <Link href="/fiz/readings/history">Все лицевые счета</Link>
        </p>
      ) : history.length > 1 ? (
        <nav aria-label="Лицевые счета" className="mb-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {history.map((a) => (
            <Link key={a.id} href={`/fiz/readings/history?account=${a.id}`}>
              Только счёт {a.number}
            </Link>
          ))}
        </nav>
      ) : null}
      {history.length === 0 ? (
        <p className="card">
          К вашей учётной записи пока не привязан ни один лицевой счёт. Обратитесь в абонентский отдел.
        </p>
      ) : null}
      <div className="space-y-8">
        {history.map((a) => (
          <section
            key={a.id}
            aria-labelledby={`account-${a.id}`}
            data-testid="account-history"
            data-account-id={a.id}
            data-account-number={a.number}
          >
            <h2 id={`account-${a.id}`}>
              Лицевой счёт <span className="tabular-nums">{a.number}</span>
            </h2>
            <p className="mb-4 text-sm text-slate-600">{a.address}</p>
            {a.meters.length === 0 ? (
              <p className="card">Активных счётчиков нет. Добавить счётчик можно в разделе «Счётчики».</p>
            ) : (
              <div className="space-y-6">
                {a.meters.map((m) => (
                  <MeterSection key={m.meter.id} history={m} account={a} days={days} />
                ))}
              </div>
            )}
          </section>
        ))}
      </div>
      <p className="mt-6 text-sm">
        <Link href="/fiz/readings">Передать показания за этот месяц</Link>
      </p>
    </>
  );
}
