import type { Metadata } from 'next';
import Link from 'next/link';
import { RegistrationForm } from '@/components/auth/registration-form';
import { PageTitle } from '@/components/page-title';
import { register } from '../actions';

export const metadata: Metadata = { title: 'Регистрация в личном кабинете' };

export default function RegisterPage() {
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle
        title="Регистрация"
        lead="Кабинет открывается для лицевого счёта, который уже есть в нашем реестре. После регистрации подтвердите адрес почты, затем сотрудник сверит данные с договором — это занимает до двух суток."
      />
      <div className="card">
        <RegistrationForm action={register} />
      </div>
      <p className="mt-4 text-sm text-slate-600">
        Уже зарегистрированы? <Link href="/fiz/login">Войдите</Link>. Нет номера абонента — обратитесь в{' '}
        <Link href="/contacts">абонентский отдел</Link>.
      </p>
    </div>
  );
}
