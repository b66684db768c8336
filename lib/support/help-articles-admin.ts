import 'server-only';
import { asc, eq, like, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { helpArticles, type HelpArticle } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { SessionUser } from '@/lib/auth/session';
import { slugify, uniqueSlug } from '@/lib/content/slug';
import { audit } from '@/lib/security/audit';
import { isUuid } from '@/lib/validation/ids';
import type { HelpArticleInput } from './help-article-schema';

/** Every answer, withdrawn ones included, in the order of the public page. */
export async function listHelpArticlesForStaff(): Promise<HelpArticle[]> {
  return db()
    .select()
    .from(helpArticles)
    .orderBy(asc(helpArticles.section), asc(helpArticles.position), asc(helpArticles.title));
}

export async function getHelpArticleForStaff(id: string): Promise<HelpArticle | null> {
  if (!isUuid(id)) return null;
  const [row] = await db().select().from(helpArticles).where(eq(helpArticles.id, id));
  return row ?? null;
}

/**
 * Creates or edits an answer. Its address is made from the first question and kept on later edits,
 * so links already shared keep working. Returns the slug for the caller to invalidate the pages.
 */
export async function saveHelpArticle(
  staff: SessionUser,
  input: HelpArticleInput,
  now = new Date(),
): Promise<ActionResult<{ id: string; slug: string }>> {
  return db().transaction(async (tx) => {
    const fields = {
      section: input.section,
      title: input.title,
      summary: input.summary,
      body: input.body,
      actionHref: input.actionHref,
      actionLabel: input.actionLabel,
      position: input.position,
      published: input.published,
      updatedAt: now,
    };
    let row: HelpArticle | undefined;
    if (input.id) {
      [row] = await tx.update(helpArticles).set(fields).where(eq(helpArticles.id, input.id)).returning();
      if (!row) return fail('Статья не найдена — возможно, её удалили. Обновите страницу.');
    } else {
      const base = slugify(input.title);
      const taken = await tx
        .select({ slug: helpArticles.slug })
        .from(helpArticles)
        .where(or(eq(helpArticles.slug, base), like(helpArticles.slug, `${base}-%`)));
      [row] = await tx
        .insert(helpArticles)
        .values({ ...fields, slug: uniqueSlug(base, new Set(taken.map((t) => t.slug))), createdAt: now })
        .returning();
    }
    const saved = row!;
    await audit(
      {
        action: 'help_article.saved',
        actorUserId: staff.id,
        subjectType: 'help_article',
        subjectId: saved.id,
        details: { slug: saved.slug, published: saved.published, created: !input.id },
      },
      tx,
    );
    return succeed({ id: saved.id, slug: saved.slug });
  });
}
