import type { Metadata } from 'next';
import Link from 'next/link';
import { NewPasswordForm } from '@/components/auth/reset-forms';
import { PageTitle } from '@/components/page-title';
import { linkIsUsable } from '@/lib/auth/tokens';
import { completeReset } from '../../actions';

export const metadata: Metadata = { title: 'Новый пароль', referrer: 'no-referrer' };

export default async function NewPasswordPage({ searchParams }: PageProps<'/fiz/password/new'>) {
  const { token } = await searchParams;
  const usable = typeof token === 'string' && (await linkIsUsable(token, 'password_reset'));
  return (
    <div className="mx-auto max-w-md">
      <PageTitle title="Новый пароль" />
      <div className="card">
        {usable ? (
          <>
            <p className="notice mb-4">
              После сохранения все привязанные карты удалятся, а сеансы на других устройствах завершатся.
            </p>
            <NewPasswordForm action={completeReset} token={token} />
          </>
        ) : (
          <p role="alert">
            Ссылка устарела или уже использована. <Link href="/fiz/password/reset">Запросите новую</Link> — она
            действует 1 час.
          </p>
        )}
      </div>
    </div>
  );
}
