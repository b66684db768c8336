import 'server-only';
import { appealAttachments, appealMessages } from '@/db/schema';
import type { Tx } from '@/db/client';
import type { FieldErrors } from '@/lib/actions/result';
import { type CheckedUpload, checkUpload } from '@/lib/files/check-upload';
import { saveUpload } from '@/lib/files/stored-files';
import { APPEAL_FILE_FIELDS, APPEAL_FILE_MAX_BYTES, APPEAL_FILE_TYPES } from './appeal-schemas';

// A message of an appeal's thread with its attachments, the same for the appellant's words, staff's
// answers and internal notes: the files pass one check by their bytes and one size limit whoever
// sends them, and are saved in the transaction that writes the message.

export const APPEAL_FILE_PURPOSE = 'appeal_attachment';

/** Checks every attachment by its bytes before any transaction; a refused file is a field error. */
export async function checkAttachments(input: object, errors: FieldErrors): Promise<CheckedUpload[]> {
  const out: CheckedUpload[] = [];
  for (const field of APPEAL_FILE_FIELDS) {
    const value = (input as Record<string, unknown>)[field];
    if (value === undefined || (value instanceof Blob && value.size === 0)) continue;
    const checked = await checkUpload(value, { accept: APPEAL_FILE_TYPES, maxBytes: APPEAL_FILE_MAX_BYTES });
    if (checked.ok) out.push(checked.file);
    else errors[field] = checked.reason;
  }
  return out;
}

export async function addMessage(
  tx: Tx,
  m: {
    appealId: string;
    author: 'appellant' | 'staff';
    authorUserId: string | null;
    internal?: boolean;
    body: string;
    files?: CheckedUpload[];
    at: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(appealMessages)
    .values({
      appealId: m.appealId,
      author: m.author,
      authorUserId: m.authorUserId,
      internal: m.internal ?? false,
      body: m.body,
      createdAt: m.at,
    })
    .returning({ id: appealMessages.id });
  for (const file of m.files ?? []) {
    const fileId = await saveUpload(tx, file, { purpose: APPEAL_FILE_PURPOSE, uploadedBy: m.authorUserId });
    await tx.insert(appealAttachments).values({ messageId: row!.id, fileId, createdAt: m.at });
  }
  return row!.id;
}
