import type { Metadata } from 'next';
import { NewsList, newsPageFrom } from '@/components/public/news-list';

export const metadata: Metadata = { title: 'Новости' };

// `/news?page=N`: the first page without the query is served from the route cache instead.
export default async function NewsPage({ searchParams }: PageProps<'/news'>) {
  return <NewsList page={newsPageFrom((await searchParams).page)} />;
}
