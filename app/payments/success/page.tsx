import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { formatRub } from '@/lib/format/money';
import { appOrigin } from '@/lib/http/app-url';
import { activeGateway } from '@/lib/payments/active-gateway';
import { paymentByInvId } from '@/lib/payments/status';

export const metadata: Metadata = { title: 'Статус платежа', robots: { index: false } };

function flat(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

// SuccessURL: the payer's browser comes back here. It proves nothing — only the server-to-server
// notification credits the account — so the page shows what the database says, and refreshes
// itself while the notification has not landed yet.
export default async function PaymentSuccessPage({ searchParams }: PageProps<'/payments/success'>) {
  const params = flat(await searchParams);
  const signed = activeGateway(await appOrigin()).verifySuccess(params);
  const invId = signed.ok ? signed.invId : Number(params.InvId);
  const payment = await paymentByInvId(invId);
  const details =
    signed.ok && payment ? ` ${formatRub(payment.amountKopecks)} по лицевому счёту ${payment.accountNumber}` : '';

  return (
    <div className="mx-auto max-w-xl">
      {payment?.status === 'pending' ? <meta httpEquiv="refresh" content="3" /> : null}
      <PageTitle title="Статус платежа" />
      <div className="card space-y-3" role="status" data-testid="payment-status">
        {!payment ? (
          <p>Платёж не найден. Если деньги списаны, они поступят на лицевой счёт — проверьте историю платежей позже.</p>
        ) : payment.status === 'paid' ? (
          <p className="text-lg font-semibold text-green-700">
            Оплата получена{details}. Платёж № {payment.invId}.
          </p>
        ) : payment.status === 'pending' ? (
          <p className="text-lg font-semibold">
            Платёж обрабатывается{details}. Страница обновится сама, как только банк подтвердит оплату.
          </p>
        ) : (
          <p className="text-lg font-semibold text-danger-600">
            Платёж № {payment.invId} не прошёл. Деньги не списаны.
          </p>
        )}
        <p className="text-sm text-slate-600">
          <Link href="/fiz">В личный кабинет</Link> · <Link href="/">На главную</Link>
        </p>
      </div>
    </div>
  );
}
