import 'server-only';
import { desc, eq, like, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { news, type News } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { SessionUser } from '@/lib/auth/session';
import { kickNotifications } from '@/lib/notifications/dispatch';
import { mailNews } from '@/lib/notifications/news-mailing';
import { audit } from '@/lib/security/audit';
import { moscowDateTime, type NewsInput } from './news-schema';
import { slugify, uniqueSlug } from './slug';
import { isUuid } from '@/lib/validation/ids';

export type NewsState = 'draft' | 'scheduled' | 'published';

export function newsState(item: Pick<News, 'publishedAt'>, now: Date): NewsState {
  if (!item.publishedAt) return 'draft';
  return item.publishedAt > now ? 'scheduled' : 'published';
}

export const newsStateLabels: Record<NewsState, string> = {
  draft: 'черновик',
  scheduled: 'запланирована',
  published: 'опубликована',
};

/** Every item, drafts included, the most recently edited first. */
export async function listNewsForStaff(): Promise<News[]> {
  return db().select().from(news).orderBy(desc(news.updatedAt)).limit(200);
}

export async function getNewsForStaff(id: string): Promise<News | null> {
  if (!isUuid(id)) return null;
  const [item] = await db().select().from(news).where(eq(news.id, id));
  return item ?? null;
}

function publicationInstant(input: NewsInput, current: Date | null, now: Date): Date | null {
  if (input.mode === 'draft') return null;
  if (input.mode === 'at') return moscowDateTime(input.publishAt ?? '');
  // «Now» on an item already out keeps its date, so an edit does not move it to the top of the list.
  return current && current <= now ? current : now;
}

/**
 * Creates or edits a news item and sets when it is public (never, now, or at a time). The address
 * (slug) is made from the first title and kept on later edits, so links already shared keep working.
 * Returns the slug for the caller to invalidate the public pages.
 */
export async function saveNews(
  staff: SessionUser,
  input: NewsInput,
  now = new Date(),
): Promise<ActionResult<{ id: string; slug: string; state: NewsState }>> {
  const result = await db().transaction(async (tx) => {
    let row: News | undefined;
    if (input.id) {
      const [current] = await tx.select().from(news).where(eq(news.id, input.id)).for('update');
      if (!current) return fail('Новость не найдена — возможно, её удалили. Обновите страницу.');
      [row] = await tx
        .update(news)
        .set({
          title: input.title,
          summary: input.summary,
          body: input.body,
          publishedAt: publicationInstant(input, current.publishedAt, now),
          updatedAt: now,
        })
        .where(eq(news.id, input.id))
        .returning();
    } else {
      const base = slugify(input.title);
      const taken = await tx
        .select({ slug: news.slug })
        .from(news)
        .where(or(eq(news.slug, base), like(news.slug, `${base}-%`)));
      [row] = await tx
        .insert(news)
        .values({
          slug: uniqueSlug(base, new Set(taken.map((t) => t.slug))),
          title: input.title,
          summary: input.summary,
          body: input.body,
          publishedAt: publicationInstant(input, null, now),
          createdAt: now,
          updatedAt: now,
        })
        .returning();
    }
    const saved = row!;
    const state = newsState(saved, now);
    await audit(
      {
        action: 'news.saved',
        actorUserId: staff.id,
        subjectType: 'news',
        subjectId: saved.id,
        details: { slug: saved.slug, state, publishedAt: saved.publishedAt?.toISOString() ?? null, created: !input.id },
      },
      tx,
    );
    // Published now: mailed with the commit; a scheduled item goes out with the news-mailing job.
    if (state === 'published') await mailNews(tx, saved.id, now);
    return succeed({ id: saved.id, slug: saved.slug, state });
  });
  if (result.ok && result.state === 'published') kickNotifications();
  return result;
}

/** Takes an item off the site (back to a draft); it can be published again. */
export async function unpublishNews(staff: SessionUser, id: string): Promise<ActionResult<{ slug: string }>> {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .update(news)
      .set({ publishedAt: null, updatedAt: new Date() })
      .where(eq(news.id, id))
      .returning({ slug: news.slug });
    if (!row) return fail('Новость не найдена — обновите страницу.');
    await audit(
      {
        action: 'news.unpublished',
        actorUserId: staff.id,
        subjectType: 'news',
        subjectId: id,
        details: { slug: row.slug },
      },
      tx,
    );
    return succeed({ slug: row.slug });
  });
}
