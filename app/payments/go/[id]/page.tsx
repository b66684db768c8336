import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { AutoPostForm } from '@/components/payments/auto-post-form';
import { PageTitle } from '@/components/page-title';
import { currentUser } from '@/lib/auth/session';
import { getUtilityProfile } from '@/lib/content/utility';
import { configuredOrigin } from '@/lib/http/app-url';
import { redirectHref } from '@/lib/payments/gateway/protocol';
import { gatewayFor, isGatewayId } from '@/lib/payments/gateways';
import { gatewayHandOver } from '@/lib/payments/start';
import { receiptLinesOf } from '@/lib/payments/electricity-receipt';
import { paymentForHandOver } from '@/lib/payments/payment-access';
import { paymentStatusHref } from '@/lib/payments/status-link';

// The form below carries the receipt e-mail and the account number to the gateway; its URL (with
// the signed token) must not leak to the gateway's page as a Referer either.
export const metadata: Metadata = { title: 'Переход к оплате', robots: { index: false }, referrer: 'no-referrer' };

// The hand-over to the gateway for a payment we recorded as pending; rebuilt from the row. Only the
// payer's session or the signed link the payment action redirected to opens it; for anyone else
// the payment does not exist.
export default async function GoToGatewayPage({ params, searchParams }: PageProps<'/payments/go/[id]'>) {
  const [{ id }, { t }] = await Promise.all([params, searchParams]);
  const payment = await paymentForHandOver(id, t, currentUser);
  if (!payment) notFound();
  if (payment.status !== 'pending') redirect(paymentStatusHref(payment.invId));
  const gateway = isGatewayId(payment.gateway) ? gatewayFor(payment.gateway) : null;
  if (!gateway) notFound();
  const [lines, profile] = await Promise.all([
    payment.purpose === 'electricity' ? receiptLinesOf(payment) : undefined,
    getUtilityProfile(),
  ]);
  const handOver = gatewayHandOver(payment, gateway, lines, { inn: profile.inn, paymentAddress: configuredOrigin() });
  if (handOver.method === 'GET') redirect(redirectHref(handOver));
  return (
    <div className="mx-auto max-w-md">
      <PageTitle title="Переход к оплате" lead="Сейчас откроется страница платёжного сервиса." />
      <AutoPostForm url={handOver.url} fields={handOver.fields} />
    </div>
  );
}
