import type { Metadata } from 'next';
import Link from 'next/link';
import { TokenButtonForm } from '@/components/auth/token-button-form';
import { PageTitle } from '@/components/page-title';
import { linkIsUsable } from '@/lib/auth/tokens';
import { confirmRegistration } from '../../actions';

export const metadata: Metadata = { title: 'Подтверждение адреса почты', referrer: 'no-referrer' };

export default async function ConfirmRegistrationPage({ searchParams }: PageProps<'/fiz/register/confirm'>) {
  const { token } = await searchParams;
  const valid = await linkIsUsable(token, 'email_confirm');
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle title="Подтверждение адреса почты" />
      <div className="card space-y-4">
        {valid && typeof token === 'string' ? (
          <>
            <p>Нажмите кнопку, чтобы подтвердить адрес и отправить заявку сотруднику на проверку.</p>
            <TokenButtonForm
              action={confirmRegistration}
              token={token}
              label="Подтвердить адрес"
              pendingLabel="Подтверждаем…"
            />
          </>
        ) : (
          <p role="alert">
            Ссылка устарела или уже использована. Если вы уже подтвердили адрес, дождитесь письма о решении по заявке;
            если прошло больше суток — <Link href="/fiz/register">зарегистрируйтесь заново</Link>.
          </p>
        )}
      </div>
    </div>
  );
}
