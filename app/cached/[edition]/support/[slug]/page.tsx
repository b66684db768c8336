import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MarkupView } from '@/components/content/markup-view';
import { getPublishedHelpArticle } from '@/lib/support/help-articles';
import { helpSectionLabels } from '@/lib/support/help-sections';

/** None at build: each answer is rendered when first asked for, then served from the route cache. */
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/cached/[edition]/support/[slug]'>): Promise<Metadata> {
  const { slug } = await params;
  const article = await getPublishedHelpArticle(slug);
  return { title: article?.title ?? 'Ответ не найден', description: article?.summary };
}

export default async function HelpArticlePage({ params }: PageProps<'/cached/[edition]/support/[slug]'>) {
  const { slug } = await params;
  const article = await getPublishedHelpArticle(slug);
  if (!article) notFound();
  return (
    <article className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href="/support">← Поддержка</Link> · {helpSectionLabels[article.section]}
      </p>
      <h1 className="mt-3">{article.title}</h1>
      <MarkupView source={article.body} className="prose-plain mt-6 text-slate-800" />
      <p className="mt-6">
        <Link href={article.actionHref} className="btn-primary" data-testid="help-action">
          {article.actionLabel}
        </Link>
      </p>
      <p className="mt-6 text-slate-600">
        Не нашли ответа? <Link href="/contacts">Свяжитесь с нами</Link>.
      </p>
    </article>
  );
}
