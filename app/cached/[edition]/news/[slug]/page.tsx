import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MarkupView } from '@/components/content/markup-view';
import { formatLongDate } from '@/lib/format/dates';
import { getPublishedNews } from '@/lib/content/news';

/** None at build: each item is rendered when first asked for, then served from the route cache. */
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/cached/[edition]/news/[slug]'>): Promise<Metadata> {
  const { slug } = await params;
  const item = await getPublishedNews(slug);
  return { title: item?.title ?? 'Новость не найдена', description: item?.summary };
}

export default async function NewsItemPage({ params }: PageProps<'/cached/[edition]/news/[slug]'>) {
  const { slug } = await params;
  const item = await getPublishedNews(slug);
  if (!item) notFound();

  return (
    <article className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href="/news">← Все новости</Link>
      </p>
      <h1 className="mt-3">{item.title}</h1>
      {item.publishedAt ? (
        <p className="mt-2 text-sm text-slate-500">
          <time dateTime={item.publishedAt.toISOString()}>{formatLongDate(item.publishedAt)}</time>
        </p>
      ) : null}
      <MarkupView source={item.body} className="prose-plain mt-6 text-slate-800" />
    </article>
  );
}
