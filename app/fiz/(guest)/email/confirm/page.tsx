import type { Metadata } from 'next';
import { TokenButtonForm } from '@/components/auth/token-button-form';
import { PageTitle } from '@/components/page-title';
import { linkIsUsable } from '@/lib/auth/tokens';
import { confirmNewEmail } from '../../actions';

export const metadata: Metadata = { title: 'Подтверждение нового адреса', referrer: 'no-referrer' };

export default async function ConfirmEmailChangePage({ searchParams }: PageProps<'/fiz/email/confirm'>) {
  const { token } = await searchParams;
  const usable = typeof token === 'string' && (await linkIsUsable(token, 'email_change'));
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle title="Новый адрес электронной почты" />
      <div className="card space-y-4">
        {usable ? (
          <>
            <p>Нажмите кнопку, чтобы этот адрес стал адресом для входа и писем.</p>
            <TokenButtonForm
              action={confirmNewEmail}
              token={token}
              label="Подтвердить новый адрес"
              pendingLabel="Подтверждаем…"
            />
          </>
        ) : (
          <p role="alert">Ссылка устарела или уже использована. Запросите смену адреса в профиле ещё раз.</p>
        )}
      </div>
    </div>
  );
}
