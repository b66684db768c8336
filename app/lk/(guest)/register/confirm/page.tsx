import type { Metadata } from 'next';
import Link from 'next/link';
import { LinkConfirmation } from '@/components/auth/link-confirmation';
import { linkIsUsable } from '@/lib/auth/tokens';
import { confirmNewCompany } from '../actions';

export const metadata: Metadata = { title: 'Подтверждение адреса почты', referrer: 'no-referrer' };

export default async function ConfirmCompanyPage({ searchParams }: PageProps<'/lk/register/confirm'>) {
  const { token } = await searchParams;
  const usable = typeof token === 'string' && (await linkIsUsable(token, 'email_confirm'));
  return (
    <LinkConfirmation
      title="Подтверждение адреса почты"
      token={usable ? token : null}
      prompt="Нажмите кнопку, чтобы подтвердить адрес и открыть кабинет организации."
      action={confirmNewCompany}
      label="Подтвердить адрес"
      spent={
        <>
          Ссылка устарела или уже использована. Если адрес уже подтверждён — <Link href="/lk/login">войдите</Link>.
        </>
      }
    />
  );
}
