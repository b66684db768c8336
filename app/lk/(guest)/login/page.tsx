import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { PageTitle } from '@/components/page-title';
import { canUseDoor, currentUser } from '@/lib/auth/session';
import { safeNext } from '@/lib/auth/sign-in';
import { loginCompany } from '../actions';

export const metadata: Metadata = { title: 'Вход для юридических лиц' };

export default async function CompanyLoginPage({ searchParams }: PageProps<'/lk/login'>) {
  const params = await searchParams;
  const next = typeof params.next === 'string' ? safeNext('company', params.next) : undefined;
  const user = await currentUser();
  if (user && canUseDoor(user, 'company')) redirect(next ?? '/lk');
  return (
    <div className="mx-auto max-w-md">
      <PageTitle title="Вход для юридических лиц" lead="Договоры энергоснабжения, счета и акты организации." />
      {params.invited === '1' ? (
        <p className="notice mb-4" role="status">
          Пароль сохранён. Войдите с адресом электронной почты из приглашения и новым паролем.
        </p>
      ) : null}
      {params.confirmed === '1' ? (
        <p className="notice mb-4" role="status" data-testid="company-confirmed">
          Адрес подтверждён. Войдите с этим адресом и паролем — и подайте заявку на договор.
        </p>
      ) : null}
      <div className="card">
        <LoginForm action={loginCompany} loginLabel="E-mail или номер лицевого счёта" next={next} />
        <p className="mt-4 text-sm">
          <Link href="/fiz/password/reset">Забыли пароль?</Link>
        </p>
      </div>
      <p className="mt-6 text-sm text-slate-600">
        Нет договора? <Link href="/lk/register">Заключить договор</Link>. Физическое лицо?{' '}
        <Link href="/fiz/login">Вход для абонентов</Link>
      </p>
    </div>
  );
}
