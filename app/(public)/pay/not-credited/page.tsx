import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { GuestPaymentFinderForm } from '@/components/support/payment-finder-form';
import { findGuestPayment } from './actions';

export const metadata: Metadata = { title: 'Платёж не зачислен' };

// No session: the finder by account number, with the limits of paying by account number.
export default function GuestPaymentNotCreditedPage() {
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle
        title="Платёж не зачислен"
        lead="Укажите номер лицевого счёта, дату и сумму оплаты — мы найдём платёж и скажем, где он сейчас."
      />
      <div className="card">
        <GuestPaymentFinderForm action={findGuestPayment} />
      </div>
      <p className="mt-4 text-sm">
        Есть личный кабинет? <Link href="/fiz/payments/not-credited">Проверьте платёж в кабинете</Link>.
      </p>
    </div>
  );
}
