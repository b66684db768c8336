import type { Metadata } from 'next';
import Link from 'next/link';
import { ConfirmMeterForm, RejectMeterForm } from '@/components/meters/meter-decision-forms';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { formatWaited } from '@/lib/format/duration';
import { listPendingMeters, meterDecisionSummary } from '@/lib/meters/list';
import { zonePlanLabels, zoneShortLabels } from '@/lib/tariffs/zones';
import { ReplaceMeterForm } from '@/components/meters/replace-meter-form';
import { moscowDay } from '@/lib/format/dates';
import { activeMetersOfAccountNumber } from '@/lib/meters/list';
import { confirmMeter, recordReplacement, rejectMeter } from './actions';

export const metadata: Metadata = { title: 'Заявки на счётчики', robots: { index: false } };

export default async function MeterRequestsPage({ searchParams }: PageProps<'/admin/meters'>) {
  await requireUser('staff', '/admin/meters');
  const { confirmed, rejected, replaced, account } = await searchParams;
  const accountNumber = typeof account === 'string' ? account.trim() : '';
  const decidedId =
    typeof confirmed === 'string'
      ? confirmed
      : typeof rejected === 'string'
        ? rejected
        : typeof replaced === 'string'
          ? replaced
          : null;
  const [pending, decided, toReplace] = await Promise.all([
    listPendingMeters(),
    decidedId ? meterDecisionSummary(decidedId) : null,
    accountNumber ? activeMetersOfAccountNumber(accountNumber) : null,
  ]);
  // eslint-disable-next-line react-hooks/purity -- a server render: "now" is the moment of this request
  const now = Date.now();
  return (
    <>
      <PageTitle
        title="Заявки на счётчики"
        lead="Сверьте номер и зоны с фото таблички, внесите начальные показания с табло — от них посчитаем расход первого месяца. Сначала — самые давние заявки."
      />
      {decided && decided.status === 'active' && typeof replaced === 'string' ? (
        <p className="notice mb-4" role="status">
          Замена записана: счётчик № {decided.serialNumber} подключён к лицевому счёту {decided.accountNumber}.
        </p>
      ) : null}
      {decided && decided.status === 'active' && typeof replaced !== 'string' ? (
        <p className="notice mb-4" role="status">
          Счётчик № {decided.serialNumber} подключён к лицевому счёту {decided.accountNumber}, начальные показания
          записаны.
        </p>
      ) : null}
      {decided && decided.status === 'rejected' ? (
        <p className="notice mb-4" role="status">
          Заявка на счётчик № {decided.serialNumber} (лицевой счёт {decided.accountNumber}) отклонена.
        </p>
      ) : null}
      {pending.length === 0 ? (
        <p className="card">Новых заявок нет.</p>
      ) : (
        <ol className="space-y-4">
          {pending.map((m) => (
            <li key={m.id} className="card" data-testid="meter-request" data-serial={m.serialNumber}>
              <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg">
                  Счётчик № <span className="tabular-nums">{m.serialNumber}</span> · лицевой счёт{' '}
                  <Link href={`/admin/accounts/${m.account.id}`} className="tabular-nums">
                    {m.account.number}
                  </Link>
                </h2>
                <p className="text-sm text-slate-600">
                  ждёт {formatWaited(now - m.requestedAt.getTime())}
                  <span className="block text-xs text-slate-500">с {formatDateTime(m.requestedAt)}</span>
                </p>
              </div>
              <div className="grid gap-4 md:grid-cols-[1fr_auto]">
                <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-500">Абонент</dt>
                  <dd>{m.account.holderName}</dd>
                  <dt className="text-slate-500">Адрес</dt>
                  <dd>{m.account.address}</dd>
                  <dt className="text-slate-500">Заявитель</dt>
                  <dd>
                    {m.requestedBy
                      ? `${m.requestedBy.fullName}, ${m.requestedBy.email}${m.requestedBy.phone ? `, ${m.requestedBy.phone}` : ''}`
                      : '—'}
                  </dd>
                  <dt className="text-slate-500">Модель</dt>
                  <dd>{m.model ?? 'не указана'}</dd>
                  <dt className="text-slate-500">Зоны</dt>
                  <dd>{zonePlanLabels[m.zonePlan]}</dd>
                  <dt className="text-slate-500">Установлен</dt>
                  <dd>{formatDate(m.installedAt)}</dd>
                  {m.replaces ? (
                    <>
                      <dt className="text-slate-500">Замена</dt>
                      <dd>вместо счётчика № {m.replaces.serialNumber}</dd>
                    </>
                  ) : null}
                </dl>
                {m.hasPhoto ? (
                  <a href={`/admin/meters/${m.id}/photo`} target="_blank" rel="noopener" className="block">
                    {/* eslint-disable-next-line @next/next/no-img-element -- a private, session-checked image: not for the image optimizer */}
                    <img
                      src={`/admin/meters/${m.id}/photo`}
                      alt={`Фото таблички счётчика № ${m.serialNumber}`}
                      loading="lazy"
                      className="max-h-64 w-auto max-w-full rounded-lg border border-slate-200"
                    />
                    <span className="mt-1 block text-xs">Открыть фото полностью</span>
                  </a>
                ) : (
                  <p className="text-sm text-slate-500">Фото таблички не приложено</p>
                )}
              </div>
              <div className="mt-4 grid gap-6 border-t border-slate-200 pt-4 md:grid-cols-[2fr_1fr]">
                <ConfirmMeterForm
                  action={confirmMeter}
                  meterId={m.id}
                  serialNumber={m.serialNumber}
                  zones={m.zones.map((zone) => ({ zone, label: zoneShortLabels[zone] }))}
                  replaces={
                    m.replaces
                      ? {
                          serialNumber: m.replaces.serialNumber,
                          zones: m.replaces.zones.map((zone) => ({ zone, label: zoneShortLabels[zone] })),
                        }
                      : null
                  }
                />
                <RejectMeterForm action={rejectMeter} meterId={m.id} serialNumber={m.serialNumber} />
              </div>
            </li>
          ))}
        </ol>
      )}
      <section className="card mt-8" aria-labelledby="replace-heading">
        <h2 id="replace-heading" className="mb-2 text-lg">
          Замена счётчика
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          По акту замены: конечные показания снятого счётчика и начальные нового — одной записью. Расход старого до
          конечного показания войдёт в ближайший счёт, средний расход считается по обоим.
        </p>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
          <label className="grid gap-1 text-sm">
            Лицевой счёт
            <input
              name="account"
              defaultValue={accountNumber}
              inputMode="numeric"
              className="rounded-lg border border-slate-300 px-3 py-2"
            />
          </label>
          <button type="submit" className="btn-secondary">
            Найти счётчики
          </button>
        </form>
        {toReplace === null ? null : toReplace.length === 0 ? (
          <p className="text-sm">На лицевом счёте {accountNumber} нет подключённых счётчиков.</p>
        ) : (
          <ul className="grid gap-6">
            {toReplace.map((m) => (
              <li
                key={m.id}
                className="border-t border-slate-200 pt-4"
                data-testid="replace-meter"
                data-serial={m.serialNumber}
              >
                <h3 className="mb-3 font-semibold">
                  Счётчик № {m.serialNumber} · {zonePlanLabels[m.zonePlan]} · установлен {formatDate(m.installedAt)}
                </h3>
                <ReplaceMeterForm
                  action={recordReplacement}
                  oldMeterId={m.id}
                  oldSerial={m.serialNumber}
                  oldZones={m.zones}
                  oldPlan={m.zonePlan}
                  today={moscowDay(new Date(now))}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
