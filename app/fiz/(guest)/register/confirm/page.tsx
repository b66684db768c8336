import type { Metadata } from 'next';
import Link from 'next/link';
import { LinkConfirmation } from '@/components/auth/link-confirmation';
import { linkIsUsable } from '@/lib/auth/tokens';
import { confirmRegistration } from '../../actions';

export const metadata: Metadata = { title: 'Подтверждение адреса почты', referrer: 'no-referrer' };

export default async function ConfirmRegistrationPage({ searchParams }: PageProps<'/fiz/register/confirm'>) {
  const { token } = await searchParams;
  const usable = typeof token === 'string' && (await linkIsUsable(token, 'email_confirm'));
  return (
    <LinkConfirmation
      title="Подтверждение адреса почты"
      token={usable ? token : null}
      prompt="Нажмите кнопку, чтобы подтвердить адрес и отправить заявку сотруднику на проверку."
      action={confirmRegistration}
      label="Подтвердить адрес"
      spent={
        <>
          Ссылка устарела или уже использована. Если вы уже подтвердили адрес, дождитесь письма о решении по заявке;
          если прошло больше суток — <Link href="/fiz/register">зарегистрируйтесь заново</Link>.
        </>
      }
    />
  );
}
