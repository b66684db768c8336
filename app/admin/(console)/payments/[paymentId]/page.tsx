import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/page-title';
import { PaymentStatusBadge } from '@/components/payments/payment-history-status';
import { RefundForm } from '@/components/payments/refund-form';
import { requireUser } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { staffPaymentDetail } from '@/lib/payments/staff-search';
import { refundStatusLabels } from '@/lib/payments/status-labels';
import { RefundDecisionForm } from '@/components/payments/refund-decision-form';
import { env } from '@/lib/config/env';
import { openRefundRequests } from '@/lib/payments/refund-approval';
import { decideRefund, refundPayment } from '../actions';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: 'Платёж', robots: { index: false } };

const ledgerKindLabels = {
  charge: 'начисление',
  payment: 'оплата',
  refund: 'возврат',
  adjustment: 'корректировка',
  penalty: 'пени',
} as const;

export default async function StaffPaymentPage({ params, searchParams }: PageProps<'/admin/payments/[paymentId]'>) {
  const { paymentId } = await params;
  const staff = await requireUser('staff', `/admin/payments/${encodeURIComponent(paymentId)}`);
  const detail = await staffPaymentDetail(paymentId);
  if (!detail) notFound();
  const { refunded, requested, declined } = await searchParams;
  const waiting = await openRefundRequests(detail.payment.id);
  const threshold = env().REFUND_APPROVAL_THRESHOLD_RUB * 100;
  const { payment, account, payer } = detail;
  const justRefunded = typeof refunded === 'string' ? detail.refunds.find((r) => r.id === refunded) : undefined;

  return (
    <>
      <p className="mb-3 text-sm">
        <Link href={`/admin/payments?account=${account.number}`}>← Платежи по лицевому счёту {account.number}</Link>
      </p>
      <PageTitle title={`Платёж № ${payment.invId}`} lead={payment.description} />
      {justRefunded ? (
        <p className="notice mb-4" role="status" data-testid="refund-done">
          Возврат {formatRub(justRefunded.amountKopecks)} оформлен ({refundStatusLabels[justRefunded.status]}).
          Плательщику отправлено письмо, если известен его адрес.
        </p>
      ) : null}

      {typeof requested === 'string' ? (
        <p className="notice mb-4" role="status" data-testid="refund-requested">
          Возврат больше {formatRub(threshold)} ждёт одобрения другого сотрудника. Деньги пока не возвращены.
        </p>
      ) : null}
      {declined === '1' ? (
        <p className="notice mb-4" role="status">
          Запрос на возврат отклонён, деньги не возвращены.
        </p>
      ) : null}
      {waiting.length > 0 ? (
        <section className="card mb-6" aria-labelledby="waiting-heading" data-testid="refund-requests">
          <h2 id="waiting-heading" className="mb-3">
            Возвраты ждут одобрения
          </h2>
          <ul className="space-y-4">
            {waiting.map((w) => (
              <li key={w.id} data-testid="refund-request" className="space-y-2">
                <p>
                  <span className="font-semibold tabular-nums">{formatRub(w.amountKopecks)}</span> — {w.reason}.
                  Запросил(а) {w.requesterName}, {formatDateTime(w.requestedAt)}.
                </p>
                {w.requestedBy === staff.id ? (
                  <p className="text-sm text-slate-600">Одобрить свой запрос нельзя: нужен другой сотрудник.</p>
                ) : (
                  <div className="flex flex-wrap gap-3">
                    <RefundDecisionForm action={decideRefund} requestId={w.id} decision="approve" />
                    <RefundDecisionForm action={decideRefund} requestId={w.id} decision="decline" />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <section className="card" aria-labelledby="payment-summary">
          <h2 id="payment-summary" className="sr-only">
            Сведения о платеже
          </h2>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]" data-testid="payment-summary">
            <dt className="text-slate-600">Состояние</dt>
            <dd>
              <PaymentStatusBadge status={payment.status} />
            </dd>
            <dt className="text-slate-600">Сумма</dt>
            <dd className="tabular-nums">{formatRub(payment.amountKopecks)}</dd>
            <dt className="text-slate-600">Возвращено</dt>
            <dd className="tabular-nums" data-testid="refunded-total">
              {formatRub(detail.refundedKopecks)}
            </dd>
            <dt className="text-slate-600">Лицевой счёт</dt>
            <dd>
              <Link href={`/admin/accounts/${account.id}`} className="tabular-nums underline">
                {account.number}
              </Link>
              , {account.holderName}
              <span className="block text-sm text-slate-500">{account.address}</span>
            </dd>
            <dt className="text-slate-600">Плательщик</dt>
            <dd>
              {payer
                ? `${payer.fullName}, ${payer.email}`
                : `без регистрации${payment.receiptEmail ? `, чек на ${payment.receiptEmail}` : ''}`}
            </dd>
            <dt className="text-slate-600">Создан</dt>
            <dd className="tabular-nums">{formatDateTime(payment.createdAt)}</dd>
            <dt className="text-slate-600">Оплачен</dt>
            <dd className="tabular-nums">{payment.paidAt ? formatDateTime(payment.paidAt) : '—'}</dd>
            <dt className="text-slate-600">Шлюз</dt>
            <dd>
              {payment.gateway === 'sandbox' ? 'песочница' : payment.gateway}
              {payment.paymentMethod ? `, ${payment.paymentMethod}` : ''}
              {payment.cardMask ? `, карта ${payment.cardMask}` : ''}
              {payment.feeKopecks !== null ? `, комиссия ${formatRub(payment.feeKopecks)}` : ''}
            </dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="refund-heading">
          <h2 id="refund-heading" className="mb-3">
            Возврат
          </h2>
          {detail.refundableKopecks > 0 ? (
            <RefundForm
              action={refundPayment}
              paymentId={payment.id}
              invId={payment.invId}
              refundable={formatRub(detail.refundableKopecks)}
              approvalAbove={formatRub(threshold)}
            />
          ) : (
            <p data-testid="refund-unavailable">
              {payment.status === 'refunded'
                ? 'Платёж возвращён полностью.'
                : 'Вернуть можно только оплаченный платёж.'}
            </p>
          )}
        </section>
      </div>

      <section className="mt-8" aria-labelledby="refunds-heading">
        <h2 id="refunds-heading" className="mb-3">
          Возвраты
        </h2>
        {detail.refunds.length === 0 ? (
          <p className="card">Возвратов по этому платежу не было.</p>
        ) : (
          <ScrollRegion label="Возвраты по платежу" className="card p-0 sm:p-0">
            <table className="table-base min-w-[44rem]" data-testid="refunds">
              <thead>
                <tr>
                  <th scope="col">Когда (МСК)</th>
                  <th scope="col" className="num">
                    Сумма
                  </th>
                  <th scope="col">Состояние</th>
                  <th scope="col">Причина</th>
                  <th scope="col">Сотрудник</th>
                  <th scope="col">Номер в шлюзе</th>
                </tr>
              </thead>
              <tbody>
                {detail.refunds.map((r) => (
                  <tr key={r.id} data-testid="refund-row">
                    <td className="whitespace-nowrap tabular-nums">{formatDateTime(r.createdAt)}</td>
                    <td className="num whitespace-nowrap">{formatRub(r.amountKopecks)}</td>
                    <td>{refundStatusLabels[r.status]}</td>
                    <td>{r.reason}</td>
                    <td>{r.staffName ?? '—'}</td>
                    <td className="break-all text-xs">{r.gatewayReference ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section className="mt-8" aria-labelledby="ledger-heading">
        <h2 id="ledger-heading" className="mb-1">
          Проводки
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Записи журнала лицевого счёта по этому платежу: плюс — долг абонента растёт, минус — уменьшается.
        </p>
        {detail.ledger.length === 0 ? (
          <p className="card">Проводок нет: платёж не зачислен.</p>
        ) : (
          <ScrollRegion label="Проводки по платежу" className="card p-0 sm:p-0">
            <table className="table-base min-w-[36rem]" data-testid="ledger">
              <thead>
                <tr>
                  <th scope="col">Когда (МСК)</th>
                  <th scope="col">Вид</th>
                  <th scope="col" className="num">
                    Сумма
                  </th>
                  <th scope="col">Описание</th>
                </tr>
              </thead>
              <tbody>
                {detail.ledger.map((e) => (
                  <tr key={e.id} data-testid="ledger-row" data-kind={e.kind}>
                    <td className="whitespace-nowrap tabular-nums">{formatDateTime(e.postedAt)}</td>
                    <td>{ledgerKindLabels[e.kind]}</td>
                    <td className="num whitespace-nowrap">
                      {e.amountKopecks > 0 ? '+' : '−'}
                      {formatRub(Math.abs(e.amountKopecks))}
                    </td>
                    <td>{e.description}</td>
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
