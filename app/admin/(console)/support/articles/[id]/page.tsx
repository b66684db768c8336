import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MarkupView } from '@/components/content/markup-view';
import { HelpArticleForm } from '@/components/console/help-article-form';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { getHelpArticleForStaff } from '@/lib/support/help-articles-admin';
import { saveHelpArticleItem } from '../actions';
import { PreviewAndEdit } from '@/components/console/preview-and-edit';

export const metadata: Metadata = { title: 'Статья справки — правка', robots: { index: false } };

export default async function StaffHelpArticlePage({
  params,
  searchParams,
}: PageProps<'/admin/support/articles/[id]'>) {
  const { id } = await params;
  await requireUser('staff', `/admin/support/articles/${id}`);
  const article = await getHelpArticleForStaff(id);
  if (!article) notFound();
  const { saved } = await searchParams;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/support/articles">← Все статьи</Link>
      </p>
      <PageTitle title={article.title} lead={article.published ? 'Показывается на сайте' : 'Скрыта с сайта'} />
      {saved ? (
        <p className="notice mb-4" role="status" data-testid="help-article-saved">
          Сохранено.{' '}
          {article.published ? (
            <Link href={`/support/${article.slug}`}>Открыть на сайте</Link>
          ) : (
            'На сайте статьи не видно.'
          )}
        </p>
      ) : null}
      <PreviewAndEdit
        previewTitle="Предпросмотр"
        preview={
          <article>
            <h3 className="text-2xl font-bold">{article.title}</h3>
            <MarkupView source={article.body} className="prose-plain mt-4 text-slate-800" />
            <p className="mt-4">
              Кнопка: <Link href={article.actionHref}>{article.actionLabel}</Link>
            </p>
          </article>
        }
      >
        <HelpArticleForm
          action={saveHelpArticleItem}
          values={{
            id: article.id,
            section: article.section,
            title: article.title,
            summary: article.summary,
            body: article.body,
            actionHref: article.actionHref,
            actionLabel: article.actionLabel,
            position: article.position,
            published: article.published,
          }}
        />
      </PreviewAndEdit>
    </>
  );
}
