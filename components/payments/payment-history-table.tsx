import { formatDateTime } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import type { HistoryRow } from '@/lib/payments/history';
import { refundStatusLabels } from '@/lib/payments/status-labels';
import { PaymentStatusBadge } from './payment-history-status';

/** The payer's payments, newest first: when, account, amount, state, InvId, card and refunds. */
export function PaymentHistoryTable({
  rows,
  caption,
  showMethod = false,
}: {
  rows: HistoryRow[];
  caption: string;
  /** The company cabinet names the way of payment beside the card. */
  showMethod?: boolean;
}) {
  return (
    <div className="card overflow-x-auto p-0 sm:p-0" role="region" aria-labelledby="payments-caption" tabIndex={0}>
      <table className="table-base min-w-[48rem]" data-testid="payment-history">
        <caption id="payments-caption" className="sr-only">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">Дата (МСК)</th>
            <th scope="col">Лицевой счёт</th>
            <th scope="col" className="num">
              Сумма
            </th>
            <th scope="col">Статус</th>
            <th scope="col">Платёж №</th>
            {showMethod ? <th scope="col">Способ</th> : null}
            <th scope="col">Карта</th>
            <th scope="col">Возвраты</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="history-row" data-inv-id={row.invId} data-status={row.status}>
              <td className="whitespace-nowrap tabular-nums">{formatDateTime(row.at)}</td>
              <td className="tabular-nums">{row.accountNumber}</td>
              <td className="num whitespace-nowrap">{formatRub(row.amountKopecks)}</td>
              <td>
                <PaymentStatusBadge status={row.status} />
              </td>
              <td className="tabular-nums">{row.invId}</td>
              {showMethod ? <td data-testid="history-method">{row.method}</td> : null}
              <td className="whitespace-nowrap tabular-nums">
                {row.cardMask ? `•••• ${row.cardMask.slice(-4)}` : '—'}
              </td>
              <td>
                {row.refunds.length === 0 ? (
                  '—'
                ) : (
                  <ul className="space-y-1" data-testid="history-refunds">
                    {row.refunds.map((r) => (
                      <li key={r.id} className="whitespace-nowrap">
                        <span className="tabular-nums font-medium">{formatRub(r.amountKopecks)}</span>{' '}
                        <span className="text-sm text-slate-600">
                          {formatDateTime(r.createdAt)}, {refundStatusLabels[r.status]}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
