'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { saveNews, unpublishNews } from '@/lib/content/news-admin';
import { newsIdSchema, newsSchema } from '@/lib/content/news-schema';
import { newsChanged } from '@/lib/content/revalidate';

export const saveNewsItem = userAction('staff', newsSchema, async (input, staff) => {
  const result = await saveNews(staff, input);
  if (!result.ok) return result;
  newsChanged([result.slug]);
  redirect(`/admin/news/${result.id}?saved=${result.state}`);
});

export const unpublishNewsItem = userAction('staff', newsIdSchema, async (input, staff) => {
  const result = await unpublishNews(staff, input.id);
  if (!result.ok) return result;
  newsChanged([result.slug]);
  redirect(`/admin/news/${input.id}?saved=draft`);
});
