import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db/client';
import { helpArticles, type HelpArticle } from '@/db/schema';

// The public help centre's reads. Search is Postgres full-text search with the `russian`
// configuration (Snowball stemming, on PGlite too), so «начислили по среднему» finds «начисление
// по среднему». The document expression is the one the GIN index of help_articles is built on
// (db/schema.ts): change both together or the index stops being used.

const searchDocument = sql`to_tsvector('russian'::regconfig, ${helpArticles.title} || ' ' || ${helpArticles.summary} || ' ' || ${helpArticles.body})`;
const titleDocument = sql`to_tsvector('russian'::regconfig, ${helpArticles.title})`;

export const HELP_QUERY_MAX = 200;
const QUERY_WORDS_MAX = 12;

/**
 * What the visitor typed as a tsquery: every word of two or more letters or digits, each as a
 * prefix («карт» finds «карты», «карту»), any of them («|»): the ranking puts the answers that
 * match most words first. Nothing of the typed punctuation reaches the tsquery syntax.
 */
function helpQueryTerms(query: string): string | null {
  const words =
    query
      .toLowerCase()
      .slice(0, HELP_QUERY_MAX)
      .match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  const unique = [...new Set(words)].slice(0, QUERY_WORDS_MAX);
  return unique.length ? unique.map((word) => `${word}:*`).join(' | ') : null;
}

export type HelpListItem = Pick<HelpArticle, 'slug' | 'section' | 'title' | 'summary'>;

const listColumns = {
  slug: helpArticles.slug,
  section: helpArticles.section,
  title: helpArticles.title,
  summary: helpArticles.summary,
};

/** Every published answer, by section and the staff's order. */
export async function listHelpArticles(): Promise<HelpListItem[]> {
  return db()
    .select(listColumns)
    .from(helpArticles)
    .where(eq(helpArticles.published, true))
    .orderBy(asc(helpArticles.section), asc(helpArticles.position), asc(helpArticles.title));
}

/** The published answers matching the query, the best first (title matches before body matches). */
export async function searchHelpArticles(query: string, limit = 10): Promise<HelpListItem[]> {
  const terms = helpQueryTerms(query);
  if (!terms) return [];
  const tsquery = sql`to_tsquery('russian'::regconfig, ${terms})`;
  return db()
    .select(listColumns)
    .from(helpArticles)
    .where(and(eq(helpArticles.published, true), sql`${searchDocument} @@ ${tsquery}`))
    .orderBy(desc(sql`ts_rank(${titleDocument}, ${tsquery})`), desc(sql`ts_rank(${searchDocument}, ${tsquery})`))
    .limit(limit);
}

/** Cached per request: the page and its metadata both ask for it. */
export const getPublishedHelpArticle = cache(async (slug: string): Promise<HelpArticle | null> => {
  const [row] = await db()
    .select()
    .from(helpArticles)
    .where(and(eq(helpArticles.slug, slug), eq(helpArticles.published, true)));
  return row ?? null;
});
