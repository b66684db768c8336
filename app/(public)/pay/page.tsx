import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { GuestPaymentForm } from '@/components/payments/guest-payment-form';
import { gatewayChoices, sandboxActive } from '@/lib/payments/gateways';
import { findPayee, payAsGuest } from './actions';

export const metadata: Metadata = { title: 'Оплата по лицевому счёту без регистрации' };

export default function GuestPayPage() {
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle
        title="Оплата без регистрации"
        lead="По номеру лицевого счёта, банковской картой с 3-D Secure. Чек по 54-ФЗ придёт на почту, если укажете её."
      />
      {sandboxActive() ? (
        <p className="notice mb-4" data-testid="sandbox-notice">
          Платёжный шлюз не подключён: оплата идёт через встроенную песочницу, деньги не списываются.
        </p>
      ) : null}
      <div className="card">
        <GuestPaymentForm findAction={findPayee} payAction={payAsGuest} gateways={gatewayChoices()} />
      </div>
      <p className="mt-4 text-sm text-slate-600">
        В <Link href="/fiz/login">личном кабинете</Link> сумма к оплате подставится сама, а карту можно запомнить.
      </p>
      <p className="mt-2 text-sm text-slate-600">
        Ошиблись суммой или счётом? <Link href="/documents/poryadok-vozvrata">Порядок возврата денежных средств</Link>.
      </p>
      <p className="mt-2 text-sm text-slate-600">
        Оплатили, а платёж не виден? <Link href="/pay/not-credited">Проверьте, где он</Link>.
      </p>
    </div>
  );
}
