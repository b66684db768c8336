import type { Metadata } from 'next';
import Link from 'next/link';
import { TokenButtonForm } from '@/components/auth/token-button-form';
import { PageTitle } from '@/components/page-title';
import { linkIsUsable } from '@/lib/auth/tokens';
import { confirmNewCompany } from '../actions';

export const metadata: Metadata = { title: 'Подтверждение адреса почты', referrer: 'no-referrer' };

export default async function ConfirmCompanyPage({ searchParams }: PageProps<'/lk/register/confirm'>) {
  const { token } = await searchParams;
  const valid = await linkIsUsable(token, 'email_confirm');
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle title="Подтверждение адреса почты" />
      <div className="card space-y-4">
        {valid && typeof token === 'string' ? (
          <>
            <p>Нажмите кнопку, чтобы подтвердить адрес и открыть кабинет организации.</p>
            <TokenButtonForm
              action={confirmNewCompany}
              token={token}
              label="Подтвердить адрес"
              pendingLabel="Подтверждаем…"
            />
          </>
        ) : (
          <p role="alert">
            Ссылка устарела или уже использована. Если адрес уже подтверждён — <Link href="/lk/login">войдите</Link>.
          </p>
        )}
      </div>
    </div>
  );
}
