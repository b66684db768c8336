import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';

export const metadata: Metadata = { title: 'Адрес подтверждён' };

export default function RegistrationConfirmedPage() {
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle title="Адрес почты подтверждён" />
      <div className="card space-y-3" role="status">
        <p>
          Спасибо! Заявка обрабатывается до двух суток: сотрудник сверит ФИО и адрес с договором. Когда доступ
          откроется, придёт письмо.
        </p>
        <p>
          Пока можно <Link href="/pay">оплатить по номеру лицевого счёта</Link> без входа.
        </p>
      </div>
    </div>
  );
}
