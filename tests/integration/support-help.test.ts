import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, helpArticles } from '@/db/schema';
import { seedHelpArticles } from '@/db/seed/help-articles';
import { getPublishedHelpArticle, listHelpArticles, searchHelpArticles } from '@/lib/support/help-articles';
import { saveHelpArticle } from '@/lib/support/help-articles-admin';
import { helpArticleSchema } from '@/lib/support/help-article-schema';
import { rowsOf } from '@/lib/billing/run-sql';
import { createUser } from '../support/factories';
import { dbErrorOf, useTestDatabase } from '../support/test-db';

// The help centre on a real database: the answers every portal starts with, Russian full-text
// search over them, and staff edits that a later start does not undo.

const t = useTestDatabase();

beforeAll(async () => {
  await seedHelpArticles(t.db);
});

describe('help centre search', () => {
  it('finds the estimate answer for «почему начислили по среднему», first', async () => {
    const found = await searchHelpArticles('почему начислили по среднему');
    expect(found[0]?.slug).toBe('pochemu-nachislili-po-srednemu');
  });

  it('matches other word forms: «привязанную карту удалить» finds the card answers', async () => {
    const found = await searchHelpArticles('привязанную карту удалить');
    expect(found.map((a) => a.slug)).toContain('privyazka-karty');
    expect(found.map((a) => a.slug)).toContain('pravila-privyazki-kart');
  });

  it('treats typed tsquery syntax as text and finds nothing for punctuation alone', async () => {
    expect(await searchHelpArticles("!:* & | ') (")).toEqual([]);
    const found = await searchHelpArticles('3-D Secure & PCI');
    expect(found[0]?.slug).toBe('bezopasnost-platezhej');
  });

  it('publishes the seed pages and the personal-data policy, each linking to a page of the portal', async () => {
    const slugs = (await listHelpArticles()).map((a) => a.slug);
    for (const slug of [
      'kak-zaregistrirovatsya',
      'kak-vojti',
      'oplata-bez-registracii',
      'oplata-po-rekvizitam',
      'bezopasnost-platezhej',
      'pravila-privyazki-kart',
      'lichnye-dannye',
      'politika-obrabotki-personalnyh-dannyh',
    ]) {
      expect(slugs).toContain(slug);
    }
    const policy = await getPublishedHelpArticle('politika-obrabotki-personalnyh-dannyh');
    expect(policy?.body).toContain('статьи 18.1');
    const rows = await t.db.select({ href: helpArticles.actionHref }).from(helpArticles);
    expect(rows.every((r) => /^\/[a-z]/.test(r.href))).toBe(true);
  });

  it('searches through the Russian GIN index', async () => {
    const [index] = rowsOf<{ indexdef: string }>(
      await t.db.execute(sql`select indexdef from pg_indexes where indexname = 'help_articles_search_idx'`),
    );
    expect(index?.indexdef).toMatch(/gin \(to_tsvector\('russian'::regconfig/);
  });
});

describe('staff editing', () => {
  it('edits an answer, audits it, and a later start keeps the edit', async () => {
    const staff = await createUser(t.db);
    const [current] = await t.db.select().from(helpArticles).where(eq(helpArticles.slug, 'kak-vojti'));
    const input = helpArticleSchema.parse({
      id: current!.id,
      section: 'account',
      title: 'Как войти в кабинет',
      summary: current!.summary,
      body: 'Новый текст ответа',
      actionHref: '/fiz/login',
      actionLabel: 'Войти',
      position: '5',
      published: '',
    });
    const saved = await saveHelpArticle(staff, input);
    expect(saved).toMatchObject({ ok: true, slug: 'kak-vojti' });
    expect(await getPublishedHelpArticle('kak-vojti')).toBeNull();

    await seedHelpArticles(t.db);
    const [after] = await t.db.select().from(helpArticles).where(eq(helpArticles.slug, 'kak-vojti'));
    expect(after).toMatchObject({ title: 'Как войти в кабинет', body: 'Новый текст ответа', published: false });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, current!.id));
    expect(audits.map((a) => a.action)).toEqual(['help_article.saved']);
  });

  it('creates a new answer under an address made from its question', async () => {
    const staff = await createUser(t.db);
    const saved = await saveHelpArticle(
      staff,
      helpArticleSchema.parse({
        id: '',
        section: 'payments',
        title: 'Оплата по SMS',
        summary: 'Кратко',
        body: 'Ответ',
        actionHref: '/pay',
        actionLabel: 'Оплатить',
        position: '1',
        published: 'on',
      }),
    );
    expect(saved).toMatchObject({ ok: true, slug: 'oplata-po-sms' });
    expect((await searchHelpArticles('SMS'))[0]?.slug).toBe('oplata-po-sms');
  });

  it('refuses a link off the portal in the form and in the database', async () => {
    const parsed = helpArticleSchema.safeParse({
      section: 'payments',
      title: 'В',
      summary: 'К',
      body: 'О',
      actionHref: '//evil.example/',
      actionLabel: 'Т',
      position: '1',
    });
    expect(parsed.success).toBe(false);
    const error = await t.db
      .insert(helpArticles)
      .values({
        slug: 'evil',
        section: 'payments',
        title: 'В',
        summary: 'К',
        body: 'О',
        actionHref: 'https://evil.example/',
        actionLabel: 'Т',
      })
      .catch((e: unknown) => e);
    expect(dbErrorOf(error).constraint).toBe('help_articles_action_local');
  });
});
