import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db/client';
import { documents, type Document } from '@/db/schema';

export const documentCategoryLabels: Record<Document['category'], string> = {
  normative: 'Нормативные документы',
  contracts: 'Договоры',
  subscribers: 'Информация для абонентов',
  payments: 'Оплата и возврат',
};

export async function listDocuments(): Promise<Document[]> {
  return db().select().from(documents).orderBy(asc(documents.category), asc(documents.sortOrder), asc(documents.title));
}

/** Cached per request: the page and its metadata both ask for it. */
export const getDocument = cache(async (slug: string): Promise<Document | null> => {
  const [doc] = await db().select().from(documents).where(eq(documents.slug, slug));
  return doc ?? null;
});
