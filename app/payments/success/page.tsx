import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { currentUser } from '@/lib/auth/session';
import { formatRub } from '@/lib/format/money';
import { paymentForStatusPage } from '@/lib/payments/payment-access';

export const metadata: Metadata = { title: 'Статус платежа', robots: { index: false }, referrer: 'no-referrer' };

function flat(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

// SuccessURL: the payer's browser comes back here. It proves nothing — only the server-to-server
// notification credits the account — so the page shows what the database says, and refreshes
// itself while the notification has not landed yet. InvIds are sequential, so the state and amount
// are shown only for a return the gateway signed, a link we signed, or the payer's own session;
// anyone else learns nothing, not even whether the payment exists.
export default async function PaymentSuccessPage({ searchParams }: PageProps<'/payments/success'>) {
  const payment = await paymentForStatusPage(flat(await searchParams), currentUser);
  // A company's accountant goes back to the company cabinet, everyone else to the household one.
  const cabinet = (await currentUser())?.role === 'company_user' ? '/lk/payments' : '/fiz';
  const amount = payment ? `: ${formatRub(payment.amountKopecks)}` : '';

  return (
    <div className="mx-auto max-w-xl">
      {payment?.status === 'pending' ? <meta httpEquiv="refresh" content="3" /> : null}
      <PageTitle title="Статус платежа" />
      <div className="card space-y-3" role="status" data-testid="payment-status">
        {!payment ? (
          <p>
            Состояние платежа видно плательщику: войдите в личный кабинет или откройте ссылку из письма. Если деньги
            списаны, они поступят на лицевой счёт — проверьте историю платежей позже.
          </p>
        ) : payment.status === 'paid' ? (
          <p className="text-lg font-semibold text-green-700">
            Оплата получена{amount}. Платёж № {payment.invId}.
          </p>
        ) : payment.status === 'pending' ? (
          <p className="text-lg font-semibold">
            Платёж обрабатывается{amount}. Страница обновится сама, как только банк подтвердит оплату.
          </p>
        ) : payment.status === 'expired' ? (
          // Given up after its lifetime, not refused: the bank never answered, and money that still
          // comes is credited (lib/payments/notify.ts) — «не списаны» would be a promise we cannot make.
          <p className="text-lg font-semibold">
            Платёж № {payment.invId} не оплачен: банк не подтвердил оплату вовремя. Если деньги всё же списаны, они
            поступят на лицевой счёт.
          </p>
        ) : (
          <p className="text-lg font-semibold text-danger-600">
            Платёж № {payment.invId} не прошёл. Деньги не списаны.
          </p>
        )}
        <p className="text-sm text-slate-600">
          <Link href={cabinet}>В личный кабинет</Link> · <Link href="/">На главную</Link>
        </p>
      </div>
    </div>
  );
}
