import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { PageTitle } from '@/components/page-title';
import { canUseDoor, currentUser } from '@/lib/auth/session';
import { safeNext } from '@/lib/auth/sign-in';
import { loginStaff } from '../actions';

export const metadata: Metadata = { title: 'Вход для сотрудников', robots: { index: false } };

export default async function StaffLoginPage({ searchParams }: PageProps<'/admin/login'>) {
  const params = await searchParams;
  const next = typeof params.next === 'string' ? safeNext('staff', params.next) : undefined;
  const user = await currentUser();
  if (user && canUseDoor(user, 'staff')) redirect(next ?? '/admin');
  return (
    <div className="mx-auto max-w-md">
      <PageTitle title="Консоль сотрудника" lead="Вход по служебной почте и коду из приложения-аутентификатора." />
      <div className="card">
        <LoginForm action={loginStaff} loginLabel="Служебный e-mail" next={next} variant="second-factor" />
        <p className="mt-4 text-sm text-slate-600">
          Забыли пароль или потеряли телефон с приложением? Обратитесь к администратору портала: он сбросит вход, и при
          следующем входе вы подключите приложение заново.
        </p>
      </div>
    </div>
  );
}
