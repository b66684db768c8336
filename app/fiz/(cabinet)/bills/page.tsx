import type { Metadata } from 'next';
import Link from 'next/link';
import { BillStatusBadge } from '@/components/bills/bill-status';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { listBills, type BillSummary } from '@/lib/bills/queries';
import { formatDate, formatPeriod } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';

export const metadata: Metadata = { title: 'Счета' };

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function BillsTable({ bills, accountNumber }: { bills: BillSummary[]; accountNumber: string }) {
  const captionId = `bills-caption-${accountNumber}`;
  return (
    <div className="card overflow-x-auto p-0 sm:p-0" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table-base whitespace-nowrap [overflow-wrap:normal]" data-testid="bills-table">
        <caption id={captionId} className="sr-only">
          Счета по лицевому счёту {accountNumber}, новые сверху
        </caption>
        <thead>
          <tr>
            <th scope="col">Период</th>
            <th scope="col">Квитанция</th>
            <th scope="col" className="num">
              Сумма
            </th>
            <th scope="col">Оплатить до</th>
            <th scope="col">Статус</th>
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
              <td className="tabular-nums">{bill.receiptNumber}</td>
              <td className="num">{formatRub(bill.amountKopecks)}</td>
              <td className="tabular-nums">{formatDate(bill.dueDate)}</td>
              <td>
                <BillStatusBadge standing={bill} />
              </td>
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

export default async function BillsPage() {
  const user = await requireUser('household', '/fiz/bills');
  const bills = await listBills(user);
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
            <BillsTable bills={bills.filter((b) => b.accountNumber === number)} accountNumber={number} />
          </section>
        ))}
      </div>
    </>
  );
}
