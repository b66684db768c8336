import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { UnsubscribeForm } from '@/components/notifications/unsubscribe-form';
import { unsubscribeSubject } from '@/lib/notifications/unsubscribe';
import { confirmUnsubscribe } from '../actions';

export const metadata: Metadata = { title: 'Отписка от рассылки', robots: { index: false, follow: false } };

// Opening the link changes nothing (mail scanners open links too); the button does.
export default async function UnsubscribePage({ params }: PageProps<'/unsubscribe/[token]'>) {
  const { token } = await params;
  const subject = await unsubscribeSubject(token);
  if (!subject) {
    return (
      <>
        <PageTitle title="Отписка от рассылки" />
        <p className="card" role="alert">
          Ссылка для отписки неверна или устарела. Отписаться можно в{' '}
          <Link href="/fiz/profile">профиле личного кабинета</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <PageTitle title="Отписка от рассылки" />
      <section className="card max-w-xl space-y-4">
        <p>
          Больше не присылать письма «{subject.what}» на адрес <strong>{subject.email}</strong>?
        </p>
        <UnsubscribeForm action={confirmUnsubscribe} token={token} />
        <p className="text-sm text-slate-600">
          Остальные уведомления настраиваются в <Link href="/fiz/profile">профиле</Link>.
        </p>
      </section>
    </>
  );
}
