import type { Metadata } from 'next';
import Link from 'next/link';
import { MeterRequestForm } from '@/components/meters/meter-request-form';
import { VerificationNote } from '@/components/meters/verification-note';
import { PageTitle } from '@/components/page-title';
import { listMyAccounts } from '@/lib/accounts/list';
import { requireUser } from '@/lib/auth/session';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { listMetersOfAccounts, meterOfAccounts, type MeterSummary } from '@/lib/meters/list';
import { zonePlanLabels } from '@/lib/tariffs/zones';
import { requestNewMeter } from './actions';

export const metadata: Metadata = { title: 'Счётчики' };

function ActiveMeter({ meter }: { meter: MeterSummary }) {
  return (
    <li className="card" data-testid="meter" data-serial={meter.serialNumber} data-status="active">
      <h3 className="text-lg font-semibold">
        Счётчик № {meter.serialNumber}
        {meter.model ? <span className="font-normal text-slate-600"> · {meter.model}</span> : null}
      </h3>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-500">Зоны</dt>
        <dd>{zonePlanLabels[meter.zonePlan]}</dd>
        <dt className="text-slate-500">Установлен</dt>
        <dd>{formatDate(meter.installedAt)}</dd>
      </dl>
      <div className="mt-2">
        <VerificationNote due={meter.verificationDue} flag={meter.verification} daysLeft={meter.verificationDaysLeft} />
      </div>
    </li>
  );
}

function RequestItem({ meter }: { meter: MeterSummary }) {
  const pending = meter.status === 'pending_confirmation';
  return (
    <li className="card" data-testid="meter-request" data-serial={meter.serialNumber} data-status={meter.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold">Счётчик № {meter.serialNumber}</h3>
        <span
          className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${pending ? 'bg-brand-50 text-brand-700' : 'bg-red-50 text-red-900'}`}
          data-testid="request-status"
        >
          {pending ? 'ждёт подтверждения' : 'отклонена'}
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {zonePlanLabels[meter.zonePlan]} · установлен {formatDate(meter.installedAt)} · заявка от{' '}
        {formatDate(meter.requestedAt)}
        {meter.hasPhoto ? ' · с фото таблички' : ''}
      </p>
      <p className="mt-2 text-sm">
        {pending
          ? 'Сотрудник сверит данные и внесёт начальные показания — после этого счётчик появится в разделе «Показания».'
          : 'Сотрудник не смог подтвердить счётчик. Уточнить причину можно по телефонам из раздела «Контакты»; исправленную заявку можно отправить снова с тем же номером.'}
      </p>
    </li>
  );
}

export default async function MetersPage({ searchParams }: PageProps<'/fiz/meters'>) {
  const user = await requireUser('household', '/fiz/meters');
  const { requested } = await searchParams;
  const myAccounts = await listMyAccounts(user);
  const accountIds = myAccounts.map((a) => a.id);
  // A server render: "now" is the moment of this request (the verification warning counts days from it).
  const now = new Date();
  const [meterList, justRequested] = await Promise.all([
    listMetersOfAccounts(accountIds, now),
    typeof requested === 'string' ? meterOfAccounts(requested, accountIds) : null,
  ]);
  const openAccounts = myAccounts.filter((a) => a.status === 'active');

  return (
    <>
      <PageTitle
        title="Счётчики"
        lead="Приборы учёта ваших лицевых счетов, сроки их поверки и заявки на подключение нового счётчика."
      />
      {justRequested ? (
        <p className="notice mb-6" role="status" data-testid="request-sent">
          Заявка на счётчик № {justRequested.serialNumber} отправлена. Сотрудник проверит её и внесёт начальные
          показания — после этого счётчик появится в разделе «Показания».
        </p>
      ) : null}

      {myAccounts.length === 0 ? <p className="card">К вашему кабинету не привязан ни один лицевой счёт.</p> : null}

      {myAccounts.map((account) => {
        const ofAccount = meterList.filter((m) => m.accountId === account.id);
        const active = ofAccount.filter((m) => m.status === 'active');
        const requests = ofAccount.filter((m) => m.status === 'pending_confirmation' || m.status === 'rejected');
        return (
          <section
            key={account.id}
            className="mb-8"
            aria-labelledby={`account-${account.number}`}
            data-testid="account-meters"
          >
            <h2 id={`account-${account.number}`} className="mb-1">
              Лицевой счёт <span className="tabular-nums">{account.number}</span>
            </h2>
            <p className="mb-4 text-sm text-slate-600">{account.address}</p>
            {active.length === 0 ? (
              <p className="card text-slate-700">Подключённых счётчиков нет.</p>
            ) : (
              <ul className="grid gap-4 lg:grid-cols-2">
                {active.map((m) => (
                  <ActiveMeter key={m.id} meter={m} />
                ))}
              </ul>
            )}
            {requests.length > 0 ? (
              <>
                <h3 className="mt-6 mb-3 text-lg font-semibold">Заявки на подключение</h3>
                <ul className="grid gap-4 lg:grid-cols-2">
                  {requests.map((m) => (
                    <RequestItem key={m.id} meter={m} />
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        );
      })}

      {openAccounts.length > 0 ? (
        <section className="card max-w-3xl" aria-labelledby="meter-request-heading">
          <h2 id="meter-request-heading" className="mb-2">
            Добавить счётчик
          </h2>
          <p className="mb-4 text-sm text-slate-600">
            Установили новый или дополнительный счётчик? Отправьте заявку: сотрудник сверит данные и внесёт начальные
            показания, от них посчитаем расход первого месяца. Передавать показания нового счётчика можно будет после
            подтверждения в разделе <Link href="/fiz/readings">«Показания»</Link>.
          </p>
          <MeterRequestForm
            action={requestNewMeter}
            accounts={openAccounts.map((a) => ({ id: a.id, label: `${a.number} — ${a.address}` }))}
            today={moscowDay(now)}
            replaceable={meterList
              .filter((m) => m.status === 'active')
              .map((m) => ({ id: m.id, label: `№ ${m.serialNumber} (лицевой счёт ${m.accountNumber})` }))}
          />
        </section>
      ) : null}
    </>
  );
}
