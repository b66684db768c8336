'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { helpChanged } from '@/lib/content/revalidate';
import { saveHelpArticle } from '@/lib/support/help-articles-admin';
import { helpArticleSchema } from '@/lib/support/help-article-schema';

export const saveHelpArticleItem = userAction('staff', helpArticleSchema, async (input, staff) => {
  const result = await saveHelpArticle(staff, input);
  if (!result.ok) return result;
  helpChanged([result.slug]);
  redirect(`/admin/support/articles/${result.id}?saved=1`);
});
