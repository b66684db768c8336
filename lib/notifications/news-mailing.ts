import 'server-only';
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import { news, users } from '@/db/schema';
import { renderNewsMailing } from '@/lib/email/templates';
import { configuredOrigin } from '@/lib/http/app-url';
import { kickNotifications, notify, type NotifyResult } from './dispatch';
import { listUnsubscribeHeaders, unsubscribePageUrl, unsubscribeToken } from './unsubscribe';

/**
 * Mails one published news item to the cabinet users subscribed to «news», once: the item is
 * locked and marked mailed in the same transaction, and each letter has its dedupe key.
 */
export async function mailNews(tx: Tx, newsId: string, now = new Date()): Promise<NotifyResult | null> {
  const [item] = await tx
    .select()
    .from(news)
    .where(and(eq(news.id, newsId), isNull(news.mailedAt), lte(news.publishedAt, now)))
    .for('update', { skipLocked: true });
  if (!item) return null;
  const readers = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.status, 'active'), inArray(users.role, ['subscriber', 'company_user'])));
  const link = `${configuredOrigin()}/news/${item.slug}`;
  const result = await notify(
    tx,
    'news',
    readers.map((r) => r.id),
    {
      key: item.id,
      now,
      render: (person, utilityName) => {
        const token = unsubscribeToken(person.id, 'news');
        return {
          email: renderNewsMailing({
            utilityName,
            fullName: person.fullName,
            title: item.title,
            summary: item.summary,
            link,
            unsubscribeLink: unsubscribePageUrl(token),
          }),
          emailHeaders: listUnsubscribeHeaders(token),
          sms: `${utilityName}: ${item.title}. ${link}`,
        };
      },
    },
  );
  await tx.update(news).set({ mailedAt: now }).where(eq(news.id, item.id));
  return result;
}

/** The scheduled run: every item whose publication time has come and that has not been mailed. */
export async function mailDueNews(now = new Date()): Promise<{ items: number }> {
  const due = await db()
    .select({ id: news.id })
    .from(news)
    .where(and(isNull(news.mailedAt), lte(news.publishedAt, now)))
    .orderBy(asc(news.publishedAt))
    .limit(20);
  let items = 0;
  for (const { id } of due) {
    if (await db().transaction((tx) => mailNews(tx, id, now))) items++;
  }
  if (items) kickNotifications();
  return { items };
}
