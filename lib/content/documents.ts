import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db/client';
import { documents, type Document } from '@/db/schema';

export const documentCategoryLabels: Record<Document['category'], string> = {
  normative: 'Нормативные документы',
  contracts: 'Договоры',
  subscribers: 'Информация для абонентов',
  payments: 'Оплата и возврат',
};

/** Every document, or those for one kind of subscriber (a document «for both» is in each list). */
export async function listDocuments(audience?: 'households' | 'companies'): Promise<Document[]> {
  return db()
    .select()
    .from(documents)
    .where(audience ? inArray(documents.audience, [audience, 'both']) : undefined)
    .orderBy(asc(documents.category), asc(documents.sortOrder), asc(documents.title));
}

/** Cached per request: the page and its metadata both ask for it. */
export const getDocument = cache(async (slug: string): Promise<Document | null> => {
  const [doc] = await db().select().from(documents).where(eq(documents.slug, slug));
  return doc ?? null;
});
