import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MarkupView } from '@/components/content/markup-view';
import { NewsForm, UnpublishNewsForm } from '@/components/console/news-form';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { getNewsForStaff, newsState, newsStateLabels } from '@/lib/content/news-admin';
import { toMoscowInput } from '@/lib/content/news-schema';
import { formatDateTime, formatLongDate } from '@/lib/format/dates';
import { saveNewsItem, unpublishNewsItem } from '../actions';
import { PreviewAndEdit } from '@/components/console/preview-and-edit';

export const metadata: Metadata = { title: 'Новость — предпросмотр и правка', robots: { index: false } };

const savedMessages: Record<string, string> = {
  draft: 'Черновик сохранён. На сайте его не видно.',
  scheduled: 'Сохранено. Новость появится на сайте в указанное время.',
  published: 'Опубликовано: новость уже на сайте.',
};

export default async function StaffNewsItemPage({ params, searchParams }: PageProps<'/admin/news/[id]'>) {
  const { id } = await params;
  await requireUser('staff', `/admin/news/${id}`);
  const item = await getNewsForStaff(id);
  if (!item) notFound();
  const { saved } = await searchParams;
  const now = new Date();
  const state = newsState(item, now);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/news">← Все новости</Link>
      </p>
      <PageTitle
        title={item.title}
        lead={`Состояние: ${newsStateLabels[state]}${item.publishedAt ? `, ${formatDateTime(item.publishedAt)}` : ''}`}
      />
      {typeof saved === 'string' && savedMessages[saved] ? (
        <p className="notice mb-4" role="status" data-testid="news-saved">
          {savedMessages[saved]}
          {state === 'published' ? (
            <>
              {' '}
              <Link href={`/news/${item.slug}`}>Открыть на сайте</Link>
            </>
          ) : null}
        </p>
      ) : null}
      <PreviewAndEdit
        previewTitle="Предпросмотр — так новость выглядит на сайте"
        preview={
          <article data-testid="news-preview">
            <h3 className="text-2xl font-bold">{item.title}</h3>
            <p className="mt-1 text-sm text-slate-500">{formatLongDate(item.publishedAt ?? now)}</p>
            <MarkupView source={item.body} className="prose-plain mt-4 text-slate-800" />
          </article>
        }
      >
        <NewsForm
          action={saveNewsItem}
          values={{
            id: item.id,
            title: item.title,
            summary: item.summary,
            body: item.body,
            mode: state === 'draft' ? 'draft' : state === 'scheduled' ? 'at' : 'now',
            publishAt: item.publishedAt && state === 'scheduled' ? toMoscowInput(item.publishedAt) : '',
          }}
        />
        {state !== 'draft' ? <UnpublishNewsForm action={unpublishNewsItem} id={item.id} /> : null}
      </PreviewAndEdit>
    </>
  );
}
