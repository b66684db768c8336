import type { Metadata } from 'next';
import Link from 'next/link';
import { OutageForm } from '@/components/console/outage-form';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { toMoscowInput } from '@/lib/content/news-schema';
import { listAddressBook } from '@/lib/content/outages-admin';
import { publishOutage } from '../actions';

export const metadata: Metadata = { title: 'Новое отключение', robots: { index: false } };

export default async function NewOutagePage({ searchParams }: PageProps<'/admin/outages/new'>) {
  await requireUser('staff', '/admin/outages/new');
  const kind = (await searchParams).kind === 'planned' ? 'planned' : 'emergency';
  const book = await listAddressBook();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/outages">← Все отключения</Link>
      </p>
      <PageTitle
        title={kind === 'emergency' ? 'Аварийное отключение' : 'Плановое отключение'}
        lead="Публикуется сразу: отключение появится на главной странице и на странице «Отключения»."
      />
      <p className="mb-4 text-sm">
        {kind === 'emergency' ? (
          <Link href="/admin/outages/new?kind=planned">Внести плановое отключение</Link>
        ) : (
          <Link href="/admin/outages/new?kind=emergency">Внести аварийное отключение</Link>
        )}
      </p>
      <div className="card">
        <OutageForm key={kind} action={publishOutage} kind={kind} book={book} nowInput={toMoscowInput(new Date())} />
      </div>
    </>
  );
}
