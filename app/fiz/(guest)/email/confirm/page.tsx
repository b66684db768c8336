import type { Metadata } from 'next';
import { LinkConfirmation } from '@/components/auth/link-confirmation';
import { linkIsUsable } from '@/lib/auth/tokens';
import { confirmNewEmail } from '../../actions';

export const metadata: Metadata = { title: 'Подтверждение нового адреса', referrer: 'no-referrer' };

export default async function ConfirmEmailChangePage({ searchParams }: PageProps<'/fiz/email/confirm'>) {
  const { token } = await searchParams;
  const usable = typeof token === 'string' && (await linkIsUsable(token, 'email_change'));
  return (
    <LinkConfirmation
      title="Новый адрес электронной почты"
      token={usable ? token : null}
      prompt="Нажмите кнопку, чтобы этот адрес стал адресом для входа и писем."
      action={confirmNewEmail}
      label="Подтвердить новый адрес"
      spent={'Ссылка устарела или уже использована. Запросите смену адреса в профиле ещё раз.'}
    />
  );
}
