import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { Pagination } from '@/components/ui/pagination';
import { PaymentStatusBadge } from '@/components/payments/payment-history-status';
import { requireUser } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { parseInvIdQuery, paymentsListParams, searchPayments } from '@/lib/payments/staff-search';
import { PAYMENT_STATUSES, paymentStatusLabels } from '@/lib/payments/status-labels';

export const metadata: Metadata = { title: 'Платежи', robots: { index: false } };

const inputClass = 'mt-1.5 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base';

/** What a payment that is not for electricity paid for, under its amount. */
const purposeLabels = {
  electricity: 'электроэнергия',
  services: 'платные услуги',
  connection: 'присоединение',
} as const;

export default async function StaffPaymentsPage({ searchParams }: PageProps<'/admin/payments'>) {
  await requireUser('staff', '/admin/payments');
  const params = await paymentsListParams.read(searchParams);
  const account = params.account ?? undefined;
  const invRaw = params.inv ?? undefined;
  const invId = parseInvIdQuery(invRaw);
  const status = params.status ?? undefined;
  const badInv = invRaw !== undefined && invId === undefined;

  const result = badInv ? null : await searchPayments({ account, invId, status, page: params.page });
  const href = (page: number) =>
    paymentsListParams.href({ account, inv: invId === undefined ? null : String(invId), status, page });
  const first = result && result.total > 0 ? (result.page - 1) * result.pageSize + 1 : 0;
  const last = result ? Math.min(result.page * result.pageSize, result.total) : 0;

  return (
    <>
      <PageTitle
        title="Платежи"
        lead="Оплаты картой и через песочницу: поиск по лицевому счёту, номеру платежа (InvId) и состоянию. В карточке платежа — проводки и возвраты; вернуть деньги можно там же."
      />
      <form
        method="get"
        action="/admin/payments"
        className="card mb-4 grid items-end gap-4 sm:grid-cols-[1fr_1fr_1fr_auto]"
        role="search"
        aria-label="Поиск платежей"
      >
        <div>
          <label htmlFor="account" className="font-medium">
            Лицевой счёт
          </label>
          <input
            id="account"
            name="account"
            type="search"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={account ?? ''}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="inv" className="font-medium">
            Номер платежа (InvId)
          </label>
          <input
            id="inv"
            name="inv"
            type="search"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={invRaw ?? ''}
            aria-invalid={badInv || undefined}
            aria-describedby={badInv ? 'inv-error' : undefined}
            className={inputClass}
          />
          {badInv ? (
            <p id="inv-error" className="mt-1 text-sm text-danger-600">
              Номер платежа — целое число, например 100042
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="status" className="font-medium">
            Состояние
          </label>
          <select id="status" name="status" defaultValue={status ?? ''} className={inputClass}>
            <option value="">Любое</option>
            {PAYMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {paymentStatusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          Найти
        </button>
      </form>

      {!result ? null : result.rows.length === 0 ? (
        <p className="card" data-testid="payments-empty">
          Ничего не нашлось — проверьте номер лицевого счёта или платежа.
        </p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" data-testid="payments-found">
            Найдено платежей: {result.total}
          </p>
          <div
            className="card overflow-x-auto p-0 sm:p-0"
            role="region"
            aria-labelledby="staff-payments-caption"
            tabIndex={0}
          >
            <table className="table-base min-w-[56rem]" data-testid="staff-payments">
              <caption id="staff-payments-caption" className="sr-only">
                Платежи, новые сверху: строки {first}–{last} из {result.total}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Платёж №</th>
                  <th scope="col">Дата (МСК)</th>
                  <th scope="col">Лицевой счёт</th>
                  <th scope="col" className="num">
                    Сумма
                  </th>
                  <th scope="col" className="num">
                    Возвращено
                  </th>
                  <th scope="col">Состояние</th>
                  <th scope="col">Шлюз, карта</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr
                    key={row.id}
                    data-testid="staff-payment-row"
                    data-inv-id={row.invId}
                    data-status={row.status}
                    data-amount={row.amountKopecks}
                    data-purpose={row.purpose}
                  >
                    <td className="tabular-nums">
                      <Link href={`/admin/payments/${row.id}`} className="font-medium">
                        {row.invId}
                      </Link>
                    </td>
                    <td className="whitespace-nowrap tabular-nums">{formatDateTime(row.paidAt ?? row.createdAt)}</td>
                    <td>
                      <Link href={`/admin/accounts/${row.accountId}`} className="tabular-nums">
                        {row.accountNumber}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {row.holderName}
                        {row.guest ? ' · без регистрации' : ''}
                      </span>
                    </td>
                    <td className="num whitespace-nowrap">
                      {formatRub(row.amountKopecks)}
                      {row.purpose === 'electricity' ? null : (
                        <span className="block text-xs text-slate-500">{purposeLabels[row.purpose]}</span>
                      )}
                    </td>
                    <td className="num whitespace-nowrap">
                      {row.refundedKopecks > 0 ? formatRub(row.refundedKopecks) : '—'}
                    </td>
                    <td>
                      <PaymentStatusBadge status={row.status} />
                      {row.paidAfterExpiry ? (
                        <p className="mt-1 text-sm text-amber-900" data-testid="paid-after-expiry">
                          деньги пришли после истечения срока
                        </p>
                      ) : null}
                    </td>
                    <td className="whitespace-nowrap text-sm">
                      {row.gateway === 'sandbox' ? 'песочница' : row.gateway}
                      {row.cardMask ? `, •••• ${row.cardMask.slice(-4)}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={result.page} pageCount={result.pageCount} href={href} previous="← Новее" next="Старее →">
            Строки {first}–{last} из {result.total} · страница {result.page} из {result.pageCount}
          </Pagination>
        </>
      )}
    </>
  );
}
