import 'server-only';
import { eq, like, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { documents } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { SessionUser } from '@/lib/auth/session';
import type { CheckedUpload } from '@/lib/files/check-upload';
import { saveUpload } from '@/lib/files/stored-files';
import { audit } from '@/lib/security/audit';
import { DOCUMENT_FILE_PURPOSE, type DocumentInput } from './document-schema';
import { slugify, uniqueSlug } from './slug';

/**
 * Publishes a PDF document, or a new edition of one (a new file and version under the same
 * address). The file and the row are written in one transaction: a refusal leaves no orphan file.
 */
export async function saveDocument(
  staff: SessionUser,
  input: DocumentInput,
  file: CheckedUpload | null,
): Promise<ActionResult<{ id: string; slug: string }>> {
  return db().transaction(async (tx) => {
    const fileId = file ? await saveUpload(tx, file, { purpose: DOCUMENT_FILE_PURPOSE, uploadedBy: staff.id }) : null;
    const fields = {
      title: input.title,
      summary: input.summary,
      category: input.category,
      version: input.version ?? null,
      audience: input.audience,
    };
    if (input.id) {
      const [current] = await tx.select().from(documents).where(eq(documents.id, input.id)).for('update');
      if (!current) return fail('Документ не найден — обновите страницу.');
      const [row] = await tx
        .update(documents)
        .set({ ...fields, ...(fileId ? { fileId } : {}), updatedAt: new Date() })
        .where(eq(documents.id, input.id))
        .returning({ id: documents.id, slug: documents.slug });
      await audit(
        {
          action: 'document.updated',
          actorUserId: staff.id,
          subjectType: 'document',
          subjectId: row!.id,
          details: { slug: row!.slug, version: fields.version, newFile: Boolean(fileId) },
        },
        tx,
      );
      return succeed(row!);
    }
    if (!fileId) return fail('Проверьте выделенные поля', { file: 'Прикрепите документ в формате PDF' });
    const base = slugify(input.title);
    const taken = await tx
      .select({ slug: documents.slug })
      .from(documents)
      .where(or(eq(documents.slug, base), like(documents.slug, `${base}-%`)));
    const [row] = await tx
      .insert(documents)
      .values({ ...fields, slug: uniqueSlug(base, new Set(taken.map((t) => t.slug))), fileId })
      .returning({ id: documents.id, slug: documents.slug });
    await audit(
      {
        action: 'document.published',
        actorUserId: staff.id,
        subjectType: 'document',
        subjectId: row!.id,
        details: { slug: row!.slug, version: fields.version, audience: fields.audience },
      },
      tx,
    );
    return succeed(row!);
  });
}
