import 'server-only';
import { and, count, desc, eq, isNotNull, lte } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db/client';
import { news, type News } from '@/db/schema';

const published = (now: Date) => and(isNotNull(news.publishedAt), lte(news.publishedAt, now));

export async function listNews(options: {
  now: Date;
  page?: number;
  pageSize?: number;
}): Promise<{ items: News[]; total: number }> {
  const pageSize = options.pageSize ?? 10;
  const page = Math.max(1, options.page ?? 1);
  const [items, [totals]] = await Promise.all([
    db()
      .select()
      .from(news)
      .where(published(options.now))
      .orderBy(desc(news.publishedAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db().select({ total: count() }).from(news).where(published(options.now)),
  ]);
  return { items, total: totals?.total ?? 0 };
}

/** Cached per request: the page and its metadata both ask for it. */
export const getPublishedNews = cache(async (slug: string): Promise<News | null> => {
  const [item] = await db()
    .select()
    .from(news)
    .where(and(eq(news.slug, slug), published(new Date())));
  return item ?? null;
});
