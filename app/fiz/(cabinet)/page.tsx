import type { Metadata } from 'next';
import Link from 'next/link';
import { DebtNotices } from '@/components/cabinet/debt-notices';
import { PageTitle } from '@/components/page-title';
import { accountHomes, type AccountHome } from '@/lib/accounts/summary';
import { benefitPeriod, benefitsOfAccount } from '@/lib/benefits/benefits';
import { noticesForUser } from '@/lib/debtors/notices';
import { accessibleAccountIds, requireUser } from '@/lib/auth/session';
import { formatDate, formatLongDate, formatPeriod } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { currentReadingWindow } from '@/lib/readings/settings';
import type { ReadingWindowStatus } from '@/lib/readings/window';
import { categoryLabels, zonePlanLabels } from '@/lib/tariffs/zones';

export const metadata: Metadata = { title: 'Личный кабинет' };

function Balance({ account }: { account: AccountHome }) {
  const { balanceKopecks: balance, overdueKopecks: overdue, latestBill } = account;
  if (balance > 0) {
    const current = balance - overdue;
    return (
      <p data-testid="balance">
        <span className="block text-sm text-slate-500">К оплате</span>
        <span className="text-2xl font-bold tabular-nums text-danger-600">{formatRub(balance)}</span>
        {overdue > 0 ? (
          <span className="block text-sm font-medium text-danger-600" data-testid="overdue">
            из них просрочено {formatRub(overdue)}
          </span>
        ) : null}
        {latestBill && current > 0 ? (
          <span className="block text-sm text-slate-600">
            {overdue > 0 ? `${formatRub(current)} — ` : ''}срок оплаты до {formatDate(latestBill.dueDate)}
          </span>
        ) : null}
      </p>
    );
  }
  return (
    <p data-testid="balance">
      <span className="block text-sm text-slate-500">{balance < 0 ? 'Переплата (аванс)' : 'Задолженности нет'}</span>
      <span className="text-2xl font-bold tabular-nums text-green-700">{formatRub(-balance)}</span>
    </p>
  );
}

function ReadingsStatus({ account, window }: { account: AccountHome; window: ReadingWindowStatus }) {
  const { total, submittedThisPeriod } = account.meters;
  if (total === 0) return <p className="text-sm text-slate-600">Счётчиков пока нет.</p>;
  if (submittedThisPeriod === total) {
    return <p className="text-green-700">Показания за {formatPeriod(window.period)} переданы. Спасибо!</p>;
  }
  const closes = formatLongDate(new Date(`${window.closesOn}T12:00:00+03:00`));
  return (
    <p className="font-medium text-slate-900" data-testid="readings-due">
      {window.open ? `Передайте показания до ${closes}` : window.notice}
      {total > 1 ? ` (передано ${submittedThisPeriod} из ${total})` : ''}
    </p>
  );
}

export default async function HouseholdHomePage() {
  const user = await requireUser('household', '/fiz');
  const window = await currentReadingWindow();
  const accountIds = await accessibleAccountIds(user);
  const [homes, notices, benefits] = await Promise.all([
    accountHomes(accountIds, window.period),
    noticesForUser(user),
    benefitsOfAccount(accountIds),
  ]);
  return (
    <>
      <PageTitle title={`Здравствуйте, ${user.fullName}`} />
      {homes.length === 0 ? (
        <p className="card">
          К вашей учётной записи пока не привязан ни один лицевой счёт. Обратитесь в абонентский отдел.
        </p>
      ) : null}
      <DebtNotices notices={notices} />
      <div className="space-y-6">
        {homes.map((a) => (
          <section key={a.id} className="card" aria-labelledby={`account-${a.id}`}>
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div>
                <h2 id={`account-${a.id}`}>
                  Лицевой счёт{' '}
                  <span className="tabular-nums" data-testid="account-number">
                    {a.number}
                  </span>
                </h2>
                <p className="mt-1">{a.address}</p>
              </div>
              <Balance account={a} />
            </div>
            <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-500">Тариф</dt>
                <dd>
                  {categoryLabels[a.tariffCategory]}
                  {a.zonePlans.length ? `, ${a.zonePlans.map((p) => zonePlanLabels[p].toLowerCase()).join(' и ')}` : ''}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Договор</dt>
                <dd>
                  № {a.contractNumber} от {formatDate(a.contractStart)},{' '}
                  {a.contractEnd ? `до ${formatDate(a.contractEnd)}` : 'бессрочный'}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Последний счёт</dt>
                <dd data-testid="latest-bill">
                  {a.latestBill
                    ? `${formatPeriod(a.latestBill.period)}: ${formatRub(a.latestBill.amountKopecks)} (квитанция ${a.latestBill.receiptNumber})`
                    : 'счетов ещё не было'}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Показания</dt>
                <dd>
                  <ReadingsStatus account={a} window={window} />
                </dd>
              </div>
              {benefits.some((b) => b.accountId === a.id && b.state !== 'expired') ? (
                <div>
                  <dt className="text-slate-500">Льгота</dt>
                  <dd data-testid="benefit">
                    {benefits
                      .filter((b) => b.accountId === a.id && b.state !== 'expired')
                      .map((b) => (
                        <span key={b.id} className="block">
                          {b.categoryName}: {benefitPeriod(b)}
                          {b.state === 'expiring' ? ' — скоро истекает, продлите документ' : ''}
                        </span>
                      ))}
                  </dd>
                </div>
              ) : null}
            </dl>
          </section>
        ))}
      </div>
      <nav aria-label="Быстрые действия" className="mt-6 flex flex-wrap gap-3">
        <Link className="btn-primary" href="/fiz/readings">
          Передать показания
        </Link>
        <Link className="btn-secondary" href="/fiz/readings/history">
          История и расход
        </Link>
        <Link className="btn-secondary" href="/fiz/meters">
          Счётчики
        </Link>
        <Link className="btn-secondary" href="/fiz/payments">
          Оплатить
        </Link>
      </nav>
    </>
  );
}
