import type { Metadata } from 'next';
import Link from 'next/link';
import { NewsForm } from '@/components/console/news-form';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { saveNewsItem } from '../actions';

export const metadata: Metadata = { title: 'Новая новость', robots: { index: false } };

export default async function NewNewsPage() {
  await requireUser('staff', '/admin/news/new');
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/news">← Все новости</Link>
      </p>
      <PageTitle title="Новая новость" lead="Сохраните черновик, чтобы посмотреть, как она будет выглядеть на сайте." />
      <div className="card">
        <NewsForm
          action={saveNewsItem}
          values={{ id: '', title: '', summary: '', body: '', mode: 'draft', publishAt: '' }}
        />
      </div>
    </>
  );
}
