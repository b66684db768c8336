import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/dates';
import { listHelpArticlesForStaff } from '@/lib/support/help-articles-admin';
import { helpSectionLabels } from '@/lib/support/help-sections';

export const metadata: Metadata = { title: 'Справка — статьи', robots: { index: false } };

export default async function StaffHelpArticlesPage() {
  await requireUser('staff', '/admin/support/articles');
  const articles = await listHelpArticlesForStaff();
  return (
    <>
      <PageTitle title="Статьи справки" lead="Ответы раздела «Поддержка» на сайте, по разделам и порядку показа." />
      <p className="mb-4">
        <Link href="/admin/support/articles/new" className="btn-primary">
          Новая статья
        </Link>
      </p>
      {articles.length === 0 ? (
        <p className="card">Статей пока нет.</p>
      ) : (
        <ul className="space-y-3">
          {articles.map((article) => (
            <li key={article.id} className="card" data-testid="staff-help-article">
              <p className="text-sm text-slate-500">
                {helpSectionLabels[article.section]} ·{' '}
                <span className={article.published ? 'font-semibold text-green-800' : 'font-semibold'}>
                  {article.published ? 'на сайте' : 'скрыта'}
                </span>{' '}
                · изменена {formatDateTime(article.updatedAt)}
              </p>
              <h2 className="mt-1 text-lg">
                <Link href={`/admin/support/articles/${article.id}`}>{article.title}</Link>
              </h2>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
