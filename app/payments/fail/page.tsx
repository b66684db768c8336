import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';

export const metadata: Metadata = { title: 'Оплата не прошла', robots: { index: false } };

// FailURL is unsigned: it changes nothing, it only tells the payer what happened.
export default function PaymentFailPage() {
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle title="Оплата не прошла" />
      <div className="card space-y-3" role="status" data-testid="payment-status">
        <p className="text-lg font-semibold">Платёж отменён или отклонён банком. Деньги не списаны.</p>
        <p>Попробуйте ещё раз или другой картой. Карта должна поддерживать 3-D Secure.</p>
        <p className="text-sm">
          <Link href="/fiz/payments">Оплатить снова</Link> · <Link href="/pay">Оплата без регистрации</Link>
        </p>
      </div>
    </div>
  );
}
