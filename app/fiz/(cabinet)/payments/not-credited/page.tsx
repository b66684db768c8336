import type { Metadata } from 'next';
import { PageTitle } from '@/components/page-title';
import { CabinetPaymentFinderForm } from '@/components/support/payment-finder-form';
import { accountHomes } from '@/lib/accounts/summary';
import { accessibleAccountIds, requireUser } from '@/lib/auth/session';
import { periodOf } from '@/lib/format/dates';
import { findMyPayment } from './actions';

export const metadata: Metadata = { title: 'Платёж не зачислен' };

export default async function PaymentNotCreditedPage() {
  const user = await requireUser('household', '/fiz/payments/not-credited');
  const homes = await accountHomes(await accessibleAccountIds(user), periodOf(new Date()));
  return (
    <div className="max-w-xl">
      <PageTitle
        title="Платёж не зачислен"
        lead="Укажите дату и сумму оплаты — мы найдём платёж и скажем, где он сейчас."
      />
      {homes.length === 0 ? (
        <p className="card">Нет лицевых счетов.</p>
      ) : (
        <div className="card">
          <CabinetPaymentFinderForm
            action={findMyPayment}
            accounts={homes.map((h) => ({ id: h.id, label: `${h.number} — ${h.address}` }))}
          />
        </div>
      )}
    </div>
  );
}
