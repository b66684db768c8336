import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { listNewsForStaff, newsState, newsStateLabels } from '@/lib/content/news-admin';
import { formatDateTime } from '@/lib/format/dates';

export const metadata: Metadata = { title: 'Новости — публикация', robots: { index: false } };

export default async function StaffNewsPage() {
  await requireUser('staff', '/admin/news');
  const items = await listNewsForStaff();
  const now = new Date();
  return (
    <>
      <PageTitle
        title="Новости"
        lead="Черновики, запланированные и опубликованные новости. Сначала — изменённые последними."
      />
      <p className="mb-4">
        <Link href="/admin/news/new" className="btn-primary">
          Новая новость
        </Link>
      </p>
      {items.length === 0 ? (
        <p className="card">Новостей пока нет.</p>
      ) : (
        <ul className="space-y-3">
          {items.map((item) => {
            const state = newsState(item, now);
            return (
              <li key={item.id} className="card" data-testid="staff-news" data-state={state}>
                <p className="text-sm text-slate-500">
                  <span className={state === 'published' ? 'font-semibold text-green-800' : 'font-semibold'}>
                    {newsStateLabels[state]}
                  </span>
                  {item.publishedAt ? ` · ${formatDateTime(item.publishedAt)}` : ''} · изменена{' '}
                  {formatDateTime(item.updatedAt)}
                </p>
                <h2 className="mt-1 text-lg">
                  <Link href={`/admin/news/${item.id}`}>{item.title}</Link>
                </h2>
                <p className="mt-1 text-sm text-slate-600">{item.summary}</p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
