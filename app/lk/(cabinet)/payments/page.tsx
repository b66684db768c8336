import type { Metadata } from 'next';
import Link from 'next/link';
import { PayeeDetails } from '@/components/bills/payee-details';
import { PaymentQr } from '@/components/bills/payment-qr';
import { RoleDenied } from '@/components/company/role-denied';
import { CopyButton } from '@/components/copy-button';
import { PageTitle } from '@/components/page-title';
import { CabinetPaymentForm } from '@/components/payments/cabinet-payment-form';
import { Pagination } from '@/components/ui/pagination';
import { PaymentHistoryTable } from '@/components/payments/payment-history-table';
import { requireCompanyPage } from '@/lib/company/access';
import { companyPayments, companyPaymentsParams } from '@/lib/company/payments';
import { formatDate, formatPeriod } from '@/lib/format/dates';
import { amountFieldValue, formatRub } from '@/lib/format/money';
import { gatewayChoices, sandboxActive } from '@/lib/payments/gateways';
import { payCompanyAccount, payCompanyAccounts } from './actions';
import { SeveralAccountsForm } from '@/components/payments/several-accounts-form';

export const metadata: Metadata = { title: 'Оплата' };

export default async function CompanyPaymentsPage({ searchParams }: PageProps<'/lk/payments'>) {
  const access = await requireCompanyPage('payments', '/lk/payments');
  if (!access.allowed) return <RoleDenied title="Оплата" role={access.member.role} />;
  const params = await companyPaymentsParams.read(searchParams);
  const { accounts, selected, transfer, history } = await companyPayments(access.member, {
    accountId: params.account ?? undefined,
    page: params.page,
  });

  if (!selected) {
    return (
      <>
        <PageTitle title="Оплата" />
        <p className="card">
          У организации пока нет лицевых счетов. Заключить договор можно в разделе{' '}
          <Link href="/lk/applications">«Заявки на договор»</Link>.
        </p>
      </>
    );
  }
  const due = Math.max(selected.balanceKopecks, 0);
  const pageHref = (n: number) => companyPaymentsParams.href({ account: selected.id, page: n });
  return (
    <>
      <PageTitle
        title="Оплата"
        lead="Картой через платёжный сервис — деньги поступают на лицевой счёт сразу после подтверждения банком; или платёжным поручением по реквизитам счёта."
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Выбор лицевого счёта">
        <div className="min-w-0">
          <label htmlFor="account" className="block text-sm font-medium">
            Лицевой счёт
          </label>
          <select
            id="account"
            name="account"
            defaultValue={selected.id}
            className="mt-1.5 block min-h-11 max-w-full rounded-lg border border-slate-300 bg-white px-3 text-base"
          >
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.number} — {a.address}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          Показать
        </button>
      </form>

      <p className="mb-6" data-testid="selected-account">
        Лицевой счёт <span className="tabular-nums font-medium">{selected.number}</span>, договор №{' '}
        {selected.contractNumber}:{' '}
        {due > 0 ? (
          <>
            к оплате <strong className="tabular-nums">{formatRub(due)}</strong>
            {selected.overdueKopecks > 0 ? (
              <>
                , из них просрочено{' '}
                <strong className="tabular-nums text-danger-600">{formatRub(selected.overdueKopecks)}</strong>
              </>
            ) : null}
          </>
        ) : (
          'задолженности нет'
        )}
      </p>

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="card-heading">
          <h2 id="card-heading" className="mb-3">
            Картой
          </h2>
          {sandboxActive() ? (
            <p className="notice mb-4" data-testid="sandbox-notice">
              Платёжный шлюз не подключён: оплата идёт через встроенную песочницу, деньги не списываются. Тестовая карта
              4111 1111 1111 1111, код подтверждения 12345.
            </p>
          ) : null}
          <CabinetPaymentForm
            key={selected.id}
            action={payCompanyAccount}
            accounts={[
              { id: selected.id, label: `${selected.number} — ${selected.address}`, due: amountFieldValue(due) },
            ]}
            selected={selected.id}
            billId={transfer?.docs.detail.bill.id}
            offerBinding={false}
          />
          <p className="mt-3 text-sm text-slate-600">
            Корпоративной или личной картой с 3-D Secure, без комиссии. Кассовый чек придёт на вашу почту.
          </p>
        </section>

        <section className="card" aria-labelledby="transfer-heading" data-testid="bank-transfer">
          <h2 id="transfer-heading" className="mb-3">
            Банковским переводом
          </h2>
          {transfer ? (
            <>
              <p className="mb-3 text-sm">
                Счёт № <span className="tabular-nums">{transfer.docs.number}</span> от{' '}
                {formatDate(transfer.docs.invoiceDate)} за {formatPeriod(transfer.docs.detail.bill.period)} на{' '}
                <strong className="tabular-nums">{formatRub(transfer.docs.total.grossKopecks)}</strong> ·{' '}
                <a href={`/lk/bills/${transfer.docs.detail.bill.id}/invoice`} data-testid="transfer-invoice">
                  счёт (PDF)
                </a>
              </p>
              <div className="mb-4 rounded-lg border border-slate-200 bg-slate-50 p-3">
                <p className="text-sm text-slate-500">Назначение платежа — укажите без изменений</p>
                <p className="font-medium" data-testid="transfer-purpose">
                  {transfer.docs.purpose}
                </p>
                <CopyButton value={transfer.docs.purpose} label="назначение платежа" />
              </div>
              <PayeeDetails
                utility={transfer.docs.detail.utility}
                purpose={transfer.docs.purpose}
                sum={formatRub(transfer.docs.total.grossKopecks)}
                copyable
              />
              {transfer.qrPayload ? (
                <figure className="mt-4">
                  <PaymentQr
                    payload={transfer.qrPayload}
                    label={`QR-код для оплаты счёта ${transfer.docs.number}`}
                    size={176}
                  />
                  <figcaption className="mt-2 text-sm text-slate-600">
                    Отсканируйте в приложении банка: реквизиты, сумма и назначение заполнятся сами.
                  </figcaption>
                </figure>
              ) : null}
              <p className="mt-3 text-sm text-slate-600">
                По номеру счёта в назначении платёж зачисляется автоматически; переплата остаётся авансом на лицевом
                счёте.
              </p>
            </>
          ) : (
            <p className="text-sm">
              Счетов по этому лицевому счёту ещё нет — реквизиты появятся вместе с первым счётом.
            </p>
          )}
        </section>
      </div>

      {accounts.length > 1 ? (
        <section className="card mt-8" aria-labelledby="several-heading">
          <h2 id="several-heading" className="mb-3">
            Несколько лицевых счетов одним платежом
          </h2>
          <SeveralAccountsForm
            action={payCompanyAccounts}
            gateways={gatewayChoices()}
            accounts={accounts.map((a) => ({
              id: a.id,
              label: `${a.number} — ${a.address}`,
              due: a.balanceKopecks > 0 ? formatRub(a.balanceKopecks) : null,
            }))}
          />
        </section>
      ) : null}

      <section className="mt-8" aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-3">
          История платежей по счёту {selected.number}
        </h2>
        {history.rows.length === 0 ? (
          <p className="card">Платежей картой по этому лицевому счёту пока нет.</p>
        ) : (
          <PaymentHistoryTable
            rows={history.rows}
            caption={`Платежи по лицевому счёту ${selected.number}, новые сверху`}
            showMethod
          />
        )}
        <Pagination
          page={history.page}
          pageCount={history.pageCount}
          href={pageHref}
          previous="← Новее"
          next="Старее →"
        />
      </section>
    </>
  );
}
