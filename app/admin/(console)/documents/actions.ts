'use server';

import { redirect } from 'next/navigation';
import { fail } from '@/lib/actions/result';
import { INVALID_FORM, userAction } from '@/lib/actions/validated';
import { DOCUMENT_MAX_BYTES, documentSchema } from '@/lib/content/document-schema';
import { saveDocument } from '@/lib/content/documents-admin';
import { documentsChanged } from '@/lib/content/revalidate';
import { checkUpload, type CheckedUpload } from '@/lib/files/check-upload';

export const saveDocumentItem = userAction('staff', documentSchema, async (input, staff, formData) => {
  const raw = formData.get('file');
  const chosen = raw instanceof Blob && (raw.size > 0 || (raw instanceof File && raw.name !== ''));
  let file: CheckedUpload | null = null;
  if (chosen || !input.id) {
    // The type is decided by the bytes: a renamed script or picture is refused as «not a PDF».
    const checked = await checkUpload(raw, { accept: ['application/pdf'], maxBytes: DOCUMENT_MAX_BYTES });
    if (!checked.ok) return fail(INVALID_FORM, { file: checked.reason });
    file = checked.file;
  }
  const result = await saveDocument(staff, input, file);
  if (!result.ok) return result;
  documentsChanged([result.slug]);
  redirect(`/admin/documents?saved=${result.slug}`);
});
