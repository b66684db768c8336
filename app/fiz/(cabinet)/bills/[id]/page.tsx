import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BillLinesTable } from '@/components/bills/bill-lines';
import { BillStatusBadge } from '@/components/bills/bill-status';
import { PayeeDetails } from '@/components/bills/payee-details';
import { PaymentQr } from '@/components/bills/payment-qr';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { gisReferenceFor, paymentPurpose } from '@/lib/bills/qr-payload';
import { billDetail } from '@/lib/bills/queries';
import { formatDate, formatPeriod } from '@/lib/format/dates';
import { formatKwh, formatRub } from '@/lib/format/money';

export const metadata: Metadata = { title: 'Счёт за электроэнергию' };

export default async function BillPage({ params }: PageProps<'/fiz/bills/[id]'>) {
  const { id } = await params;
  const user = await requireUser('household', `/fiz/bills/${encodeURIComponent(id)}`);
  const detail = await billDetail(user, id);
  if (!detail) notFound();
  const { bill, account, utility, groups } = detail;
  const periodLabel = formatPeriod(bill.period);
  const purpose = paymentPurpose({
    periodLabel,
    accountNumber: account.number,
    receiptNumber: bill.receiptNumber,
    gis: gisReferenceFor({ ipd: bill.ipd, izhku: account.izhku, els: account.els }),
  });
  // ГИС ЖКХ identifiers, those it has assigned: by any of them the bill can be paid without the cabinet.
  const gisIds = [
    { label: 'ИПД', value: bill.ipd, testId: 'bill-ipd' },
    { label: 'ЕЛС', value: account.els, testId: 'bill-els' },
    { label: 'ИЖКУ', value: account.izhku, testId: 'bill-izhku' },
  ].filter((id) => id.value !== null);
  const kwh = groups.reduce((sum, g) => sum + g.kwh, 0);
  const receiptHref = `/fiz/bills/${bill.id}/receipt`;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/fiz/bills">← Все счета</Link>
      </p>
      <PageTitle
        title={`Счёт за ${periodLabel}`}
        lead={
          <>
            Квитанция №{' '}
            <span className="tabular-nums" data-testid="receipt-number">
              {bill.receiptNumber}
            </span>
            , лицевой счёт <span className="tabular-nums">{account.number}</span>, {account.address}
          </>
        }
      />

      {gisIds.length > 0 ? (
        <dl className="mb-4 flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="bill-gis-ids">
          {gisIds.map(({ label, value, testId }) => (
            <div key={label} className="flex gap-2">
              <dt className="text-slate-500">{label}</dt>
              <dd className="tabular-nums" data-testid={testId}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}

      <section className="card mb-6" aria-label="Сумма и срок оплаты" data-testid="bill-summary">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <dl className="grid grid-cols-2 gap-x-8 gap-y-3 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-slate-500">Сумма</dt>
              <dd className="text-xl font-bold tabular-nums" data-testid="bill-amount">
                {formatRub(bill.amountKopecks)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Оплатить до</dt>
              <dd className="font-medium tabular-nums">{formatDate(bill.dueDate)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Выставлен</dt>
              <dd className="font-medium tabular-nums">{formatDate(bill.issuedAt)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Статус</dt>
              <dd>
                <BillStatusBadge standing={bill} />
              </dd>
            </div>
          </dl>
          <div className="flex flex-wrap gap-3">
            {bill.outstandingKopecks > 0 ? (
              <Link
                className="btn-primary"
                href={`/fiz/payments?account=${account.id}&bill=${bill.id}`}
                prefetch={false}
                data-testid="pay-link"
              >
                Оплатить {formatRub(bill.outstandingKopecks)}
              </Link>
            ) : null}
            {/* A route handler, not a page: a plain link, so nothing prefetches the PDF. */}
            <a className="btn-secondary" href={receiptHref} data-testid="receipt-link">
              Скачать квитанцию (PDF)
            </a>
          </div>
        </div>
      </section>

      <section className="card mb-6 space-y-6" aria-labelledby="bill-lines-heading">
        <h2 id="bill-lines-heading">Начисления</h2>
        {groups.length === 0 ? <p className="text-slate-600">Начислений в этом счёте нет.</p> : null}
        {groups.map((group) => (
          <BillLinesTable key={group.meter?.id ?? 'other'} group={group} billPeriod={bill.period} />
        ))}
        <p
          className="flex flex-wrap justify-between gap-2 border-t border-slate-200 pt-4 text-lg font-semibold"
          data-testid="bill-total"
        >
          <span>
            Итого за {periodLabel}
            {kwh > 0 ? `, ${formatKwh(kwh)}` : ''}
          </span>
          <span className="tabular-nums">{formatRub(bill.amountKopecks)}</span>
        </p>
      </section>

      <section className="card" aria-labelledby="pay-by-details-heading" data-testid="pay-by-details">
        <h2 id="pay-by-details-heading" className="mb-4">
          Оплата по QR-коду или по реквизитам
        </h2>
        <div className="flex flex-col gap-6 md:flex-row md:items-start">
          {detail.qrPayload ? (
            <figure className="mx-auto shrink-0 text-center md:mx-0">
              <PaymentQr
                payload={detail.qrPayload}
                label={`QR-код для оплаты квитанции ${bill.receiptNumber} в приложении банка: получатель ${utility.shortName}, сумма ${bill.amountKopecks > 0 ? formatRub(bill.amountKopecks) : 'не указана'}`}
              />
              <figcaption className="mt-2 text-sm font-semibold">Отсканируйте в приложении банка</figcaption>
            </figure>
          ) : null}
          <div className="min-w-0 flex-1">
            <p className="mb-3 text-sm text-slate-600">
              Или введите реквизиты в банке или онлайн-банке. Укажите в назначении номер квитанции — так платёж зачтут
              именно за этот счёт.
            </p>
            <PayeeDetails
              utility={utility}
              purpose={purpose}
              sum={bill.amountKopecks > 0 ? formatRub(bill.amountKopecks) : null}
            />
          </div>
        </div>
      </section>
    </>
  );
}
