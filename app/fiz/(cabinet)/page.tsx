import type { Metadata } from 'next';
import { DebtNotices } from '@/components/cabinet/debt-notices';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { KeepWhole } from '@/components/ui/keep-whole';
import { PageTitle } from '@/components/page-title';
import { accountHomes, type AccountHome } from '@/lib/accounts/summary';
import { benefitPeriod, benefitsOfAccount } from '@/lib/benefits/benefits';
import { noticesForUser } from '@/lib/debtors/notices';
import { accessibleAccountIds, requireUser } from '@/lib/auth/session';
import { formatDate, formatLongDate, formatPeriod } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { addressedAs } from '@/lib/format/names';
import { RememberBalance } from '@/components/cabinet/remember-balance';
import { currentReadingWindow } from '@/lib/readings/settings';
import type { ReadingWindowStatus } from '@/lib/readings/window';
import { categoryLabels, zonePlanLabels } from '@/lib/tariffs/zones';

export const metadata: Metadata = { title: 'Личный кабинет' };

/** What the offline page shows as «last seen»: the amount due over all accounts, or that none is. */
function lastSeenFigure(homes: AccountHome[]): string | null {
  if (homes.length === 0) return null;
  const due = homes.reduce((sum, a) => sum + Math.max(a.balanceKopecks, 0), 0);
  return due > 0 ? `К оплате ${formatRub(due)}` : 'Задолженности нет';
}

/**
 * The key figure of an account, first: an overdue debt in red before anything else (with the
 * current bill and its due date after it), else what is due, else «no debt» or the advance.
 */
function Balance({ account }: { account: AccountHome }) {
  const { balanceKopecks: balance, overdueKopecks: overdue, latestBill } = account;
  if (balance > 0) {
    const current = balance - overdue;
    return (
      <div className="sm:text-right">
        {overdue > 0 ? (
          // Lower case in the text, capital on screen: the same words read inside a sentence elsewhere.
          <p className="text-2xl font-bold tabular-nums text-danger-600 first-letter:uppercase" data-testid="overdue">
            просрочено <span className="whitespace-nowrap">{formatRub(overdue)}</span>
          </p>
        ) : null}
        <p data-testid="balance">
          <span className="block text-sm text-slate-500">К оплате</span>
          <span
            className={`whitespace-nowrap font-bold tabular-nums ${overdue > 0 ? 'text-lg text-slate-900' : 'text-2xl text-danger-600'}`}
          >
            {formatRub(balance)}
          </span>
          {latestBill && current > 0 ? (
            <span className="block text-sm text-slate-600">
              {overdue > 0 ? (
                <>
                  из них <span className="whitespace-nowrap">{formatRub(current)}</span> —{' '}
                </>
              ) : (
                ''
              )}
              срок оплаты до <span className="whitespace-nowrap">{formatDate(latestBill.dueDate)}</span>
            </span>
          ) : null}
        </p>
      </div>
    );
  }
  return (
    <p data-testid="balance" className="sm:text-right">
      <span className="block text-sm text-slate-500">{balance < 0 ? 'Переплата (аванс)' : 'Задолженности нет'}</span>
      <span className="whitespace-nowrap text-2xl font-bold tabular-nums text-green-700">
        {formatRub(balance < 0 ? -balance : 0)}
      </span>
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
  const due = homes.reduce((sum, a) => sum + Math.max(a.balanceKopecks, 0), 0);
  return (
    <>
      <PageTitle title={`Здравствуйте, ${addressedAs(user.fullName)}`} />
      <RememberBalance figure={lastSeenFigure(homes)} />
      {homes.length === 0 ? (
        <Card as="div">
          <p>К вашей учётной записи пока не привязан ни один лицевой счёт. Обратитесь в абонентский отдел.</p>
        </Card>
      ) : null}
      <DebtNotices notices={notices} />
      <div className="space-y-6">
        {homes.map((a) => (
          <Card key={a.id} aria-labelledby={`account-${a.id}`}>
            <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
              <h2 id={`account-${a.id}`}>
                Лицевой счёт{' '}
                <span className="whitespace-nowrap tabular-nums" data-testid="account-number">
                  {a.number}
                </span>
              </h2>
              <Balance account={a} />
            </div>
            <p className="mt-1">{a.address}</p>
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
                  {a.latestBill ? (
                    <KeepWhole
                      text={`${formatPeriod(a.latestBill.period)}: ${formatRub(a.latestBill.amountKopecks)} (квитанция ${a.latestBill.receiptNumber})`}
                    />
                  ) : (
                    'счетов ещё не было'
                  )}
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
          </Card>
        ))}
      </div>
      {/* The page's main action is the primary button: paying when something is owed, else the readings. */}
      <nav aria-label="Быстрые действия" className="mt-6 grid gap-3 sm:flex sm:flex-wrap">
        {due > 0 ? <ButtonLink href="/fiz/payments">{`Оплатить ${formatRub(due)}`}</ButtonLink> : null}
        <ButtonLink variant={due > 0 || !window.open ? 'secondary' : 'primary'} href="/fiz/readings">
          Передать показания
        </ButtonLink>
        <ButtonLink variant="secondary" href="/fiz/readings/history">
          История и расход
        </ButtonLink>
        <ButtonLink variant="secondary" href="/fiz/meters">
          Счётчики
        </ButtonLink>
        {due > 0 ? null : (
          <ButtonLink variant="secondary" href="/fiz/payments">
            Оплатить
          </ButtonLink>
        )}
      </nav>
    </>
  );
}
