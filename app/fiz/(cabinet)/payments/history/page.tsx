import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { Pagination } from '@/components/ui/pagination';
import { PaymentHistoryTable } from '@/components/payments/payment-history-table';
import { accessibleAccountIds, requireUser } from '@/lib/auth/session';
import { paymentHistory, paymentHistoryParams } from '@/lib/payments/history';
import { REFUND_POLICY_PATH } from '@/lib/payments/status-labels';

export const metadata: Metadata = { title: 'Платежи' };

export default async function PaymentHistoryPage({ searchParams }: PageProps<'/fiz/payments/history'>) {
  const user = await requireUser('household', '/fiz/payments/history');
  const { page: requested } = await paymentHistoryParams.read(searchParams);
  // Only the session's own accounts: nothing in the URL can widen what is shown.
  const { rows, total, page, pageCount, pageSize } = await paymentHistory(await accessibleAccountIds(user), {
    page: requested,
  });
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);

  return (
    <>
      <PageTitle
        title="Платежи"
        lead="Все оплаты картой по вашим лицевым счетам, новые сверху. Платёж «обрабатывается», пока платёжный сервис не подтвердил оплату; обычно это занимает минуту."
      />
      {rows.length === 0 ? (
        <p className="card">
          Платежей пока нет. <Link href="/fiz/payments">Оплатить картой</Link>
        </p>
      ) : (
        <PaymentHistoryTable rows={rows} caption={`Платежи, новые сверху: ${first}–${last} из ${total}`} />
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        href={(n) => paymentHistoryParams.href({ page: n })}
        previous="← Новее"
        next="Старее →"
      >
        Платежи {first}–{last} из {total} · страница {page} из {pageCount}
      </Pagination>
      <p className="mt-6 max-w-3xl text-sm text-slate-600">
        Ошиблись суммой или заплатили дважды? Деньги возвращаются на ту же карту — см.{' '}
        <Link href={REFUND_POLICY_PATH} data-testid="refund-policy-link">
          Порядок возврата денежных средств
        </Link>
        .
      </p>
    </>
  );
}
