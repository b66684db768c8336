import type { Metadata } from 'next';
import { buttonClass } from '@/components/ui/button';
import Link from 'next/link';
import { BillStatusBadge } from '@/components/bills/bill-status';
import { PageTitle } from '@/components/page-title';
import { accountHomes, type AccountHome } from '@/lib/accounts/summary';
import { accessibleAccountIds, requireUser } from '@/lib/auth/session';
import { listBills, type BillSummary } from '@/lib/bills/queries';
import { formatDate, formatPeriod } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { currentReadingWindow } from '@/lib/readings/settings';

export const metadata: Metadata = { title: 'Счета' };

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function BillsTable({ bills, accountNumber }: { bills: BillSummary[]; accountNumber: string }) {
  const captionId = `bills-caption-${accountNumber}`;
  return (
    // The key columns first (period, amount, status): on a phone they fit the screen, the rest
    // scrolls into view, with a shadow at the edge saying so.
    <div
      className="card scroll-cue relative overflow-x-auto p-0 sm:p-0"
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className="table-base whitespace-nowrap [overflow-wrap:normal]" data-testid="bills-table">
        <caption id={captionId} className="sr-only">
          Счета по лицевому счёту {accountNumber}, новые сверху
        </caption>
        <thead>
          <tr>
            <th scope="col">Период</th>
            <th scope="col" className="num">
              Сумма
            </th>
            <th scope="col">Статус</th>
            <th scope="col">Оплатить до</th>
            <th scope="col">Квитанция</th>
            <th scope="col">
              <span className="sr-only">Квитанция в PDF</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {bills.map((bill) => (
            <tr
              key={bill.id}
              data-testid="bill-row"
              data-bill-id={bill.id}
              data-receipt={bill.receiptNumber}
              data-status={bill.status}
            >
              <th scope="row" className="bg-transparent font-normal">
                <Link href={`/fiz/bills/${bill.id}`} className="font-medium">
                  {capitalized(formatPeriod(bill.period))}
                </Link>
              </th>
              <td className="num">{formatRub(bill.amountKopecks)}</td>
              <td>
                <BillStatusBadge standing={bill} />
              </td>
              <td className="tabular-nums">{formatDate(bill.dueDate)}</td>
              <td className="tabular-nums">{bill.receiptNumber}</td>
              <td>
                {/* A plain link: a route handler, not a page (no prefetch of the PDF). */}
                <a href={`/fiz/bills/${bill.id}/receipt`} aria-label={`Квитанция ${bill.receiptNumber} в PDF`}>
                  PDF
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the account owes now, the overdue part apart (the same figures as the home and payment pages). */
function AccountDebt({ home }: { home: AccountHome }) {
  if (home.balanceKopecks <= 0) return null;
  const current = home.balanceKopecks - home.overdueKopecks;
  return (
    <div className="card mb-3 flex flex-wrap items-center justify-between gap-3" data-testid="bills-debt">
      <p>
        К оплате <strong className="whitespace-nowrap tabular-nums">{formatRub(home.balanceKopecks)}</strong>
        {home.overdueKopecks > 0 ? (
          <span className="block text-sm font-medium text-danger-600" data-testid="bills-overdue">
            просрочено {formatRub(home.overdueKopecks)} — срок оплаты прошёл
            {current > 0 ? `; ещё не наступил срок у ${formatRub(current)}` : ''}
          </span>
        ) : null}
      </p>
      <Link
        href={`/fiz/payments?account=${home.id}`}
        className={buttonClass('primary', { block: true })}
        data-testid="bills-pay-all"
      >
        {/* The visible words start the link's name (WCAG 2.5.3); the sum and the account follow for screen readers. */}
        Оплатить всё
        <span className="sr-only">
          : {formatRub(home.balanceKopecks)} по лицевому счёту {home.number}
        </span>
      </Link>
    </div>
  );
}

export default async function BillsPage() {
  const user = await requireUser('household', '/fiz/bills');
  const window = await currentReadingWindow();
  const [bills, homes] = await Promise.all([
    listBills(user),
    accessibleAccountIds(user).then((ids) => accountHomes(ids, window.period)),
  ]);
  const accounts = [...new Set(bills.map((b) => b.accountNumber))];
  const owed = bills.reduce((sum, b) => sum + b.outstandingKopecks, 0);

  return (
    <>
      <PageTitle
        title="Счета"
        lead="Счета за электроэнергию по месяцам: сумма, срок и оплачен ли счёт. В счёте — расход по зонам, тариф и квитанция в PDF с QR-кодом для оплаты в приложении банка."
      />
      {bills.length === 0 ? (
        <p className="card">Счетов пока нет. Счёт выставляется в начале месяца за предыдущий месяц.</p>
      ) : (
        <p className="mb-4" data-testid="bills-owed">
          {owed > 0 ? (
            <>
              Не оплачено по счетам: <strong className="tabular-nums text-danger-600">{formatRub(owed)}</strong>.
            </>
          ) : (
            'Все счета оплачены.'
          )}
        </p>
      )}
      <div className="space-y-8">
        {accounts.map((number) => (
          <section
            key={number}
            aria-labelledby={`bills-account-${number}`}
            data-testid="bills-account"
            data-account-number={number}
          >
            <h2 id={`bills-account-${number}`} className="mb-3">
              Лицевой счёт <span className="tabular-nums">{number}</span>
            </h2>
            {homes
              .filter((h) => h.number === number)
              .map((home) => (
                <AccountDebt key={home.id} home={home} />
              ))}
            <BillsTable bills={bills.filter((b) => b.accountNumber === number)} accountNumber={number} />
          </section>
        ))}
      </div>
    </>
  );
}
