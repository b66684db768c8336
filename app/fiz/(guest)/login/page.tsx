import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { PageTitle } from '@/components/page-title';
import { currentUser, canUseDoor } from '@/lib/auth/session';
import { safeNext } from '@/lib/auth/sign-in';
import { loginHousehold } from '../actions';

export const metadata: Metadata = { title: 'Вход в личный кабинет' };

export default async function HouseholdLoginPage({ searchParams }: PageProps<'/fiz/login'>) {
  const params = await searchParams;
  const next = typeof params.next === 'string' ? safeNext('household', params.next) : undefined;
  const user = await currentUser();
  if (user && canUseDoor(user, 'household')) redirect(next ?? '/fiz');

  return (
    <div className="mx-auto max-w-md">
      <PageTitle title="Вход в личный кабинет" lead="Для физических лиц: передача показаний, счета и оплата." />
      {params.reset === '1' ? (
        <p className="notice mb-4" role="status">
          Пароль изменён, привязанные карты удалены. Войдите с новым паролем.
        </p>
      ) : null}
      {params.everywhere === '1' ? (
        <p className="notice mb-4" role="status">
          Вы вышли на всех устройствах.
        </p>
      ) : null}
      <div className="card">
        <LoginForm
          action={loginHousehold}
          loginLabel="Номер абонента или e-mail"
          loginHint="Номер абонента указан в договоре и в квитанции"
          next={next}
          variant="remember"
        />
        <div className="mt-4 flex flex-wrap justify-between gap-2 text-sm">
          <Link href="/fiz/password/reset">Забыли пароль?</Link>
          <Link href="/fiz/register">Регистрация</Link>
        </div>
      </div>
      <ul className="mt-6 space-y-2 text-sm text-slate-600">
        <li>
          Юридическое лицо? <Link href="/lk/login">Вход для организаций</Link>
        </li>
        <li>
          Оплатить без регистрации можно <Link href="/pay">по номеру лицевого счёта</Link>.
        </li>
      </ul>
    </div>
  );
}
