import type { Metadata } from 'next';
import { NewsList } from '@/components/public/news-list';

export const metadata: Metadata = { title: 'Новости' };

// The first page of news; `/news?page=N` is rendered per request by app/(public)/news.
export default function CachedNewsPage() {
  return <NewsList page={1} />;
}
