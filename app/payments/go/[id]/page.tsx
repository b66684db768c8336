import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { AutoPostForm } from '@/components/payments/auto-post-form';
import { PageTitle } from '@/components/page-title';
import { appOrigin } from '@/lib/http/app-url';
import { activeGateway } from '@/lib/payments/active-gateway';
import { redirectHref } from '@/lib/payments/gateway/protocol';
import { gatewayHandOver } from '@/lib/payments/start';
import { paymentById } from '@/lib/payments/status';

export const metadata: Metadata = { title: 'Переход к оплате', robots: { index: false } };

// The hand-over to the gateway for a payment we recorded as pending; rebuilt from the row.
export default async function GoToGatewayPage({ params }: PageProps<'/payments/go/[id]'>) {
  const { id } = await params;
  const payment = await paymentById(id);
  if (!payment) notFound();
  if (payment.status !== 'pending') redirect(`/payments/success?InvId=${payment.invId}`);
  const gateway = activeGateway(await appOrigin());
  if (gateway.id !== payment.gateway) notFound();
  const handOver = gatewayHandOver(payment, gateway);
  if (handOver.method === 'GET') redirect(redirectHref(handOver));
  return (
    <div className="mx-auto max-w-md">
      <PageTitle title="Переход к оплате" lead="Сейчас откроется страница платёжного сервиса." />
      <AutoPostForm url={handOver.url} fields={handOver.fields} />
    </div>
  );
}
