import type { Metadata } from 'next';
import Link from 'next/link';
import { HelpArticleForm } from '@/components/console/help-article-form';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { saveHelpArticleItem } from '../actions';

export const metadata: Metadata = { title: 'Новая статья справки', robots: { index: false } };

export default async function NewHelpArticlePage() {
  await requireUser('staff', '/admin/support/articles/new');
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/support/articles">← Все статьи</Link>
      </p>
      <PageTitle title="Новая статья справки" />
      <div className="card">
        <HelpArticleForm
          action={saveHelpArticleItem}
          values={{
            id: '',
            title: '',
            summary: '',
            body: '',
            actionHref: '',
            actionLabel: '',
            position: 100,
            published: false,
          }}
        />
      </div>
    </>
  );
}
