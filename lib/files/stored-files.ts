import 'server-only';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { storedFiles } from '@/db/schema';
import type { CheckedUpload } from './check-upload';
import { type FileType, sniffFileType } from './sniff';

export interface StoredFile {
  id: string;
  purpose: string;
  fileName: string;
  type: FileType;
  bytes: Uint8Array;
  uploadedBy: string | null;
  createdAt: Date;
}

/** Saves a checked upload inside the caller's transaction, so a failed write leaves no orphan file. */
export async function saveUpload(
  tx: Db | Tx,
  file: CheckedUpload,
  meta: { purpose: string; uploadedBy: string | null },
): Promise<string> {
  const [row] = await tx
    .insert(storedFiles)
    .values({
      purpose: meta.purpose,
      fileName: file.name,
      mimeType: file.type,
      sizeBytes: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      content: file.bytes,
      uploadedBy: meta.uploadedBy,
    })
    .returning({ id: storedFiles.id });
  return row!.id;
}

/**
 * A stored file of the given purpose, or null. The caller decides who may see it (the row that
 * points at the file carries the owner); the purpose stops an id from one feature opening another's.
 * The bytes are sniffed again so a row tampered with in the database is not served as something else.
 */
export async function readStoredFile(
  id: string,
  purpose: string,
  executor: Db | Tx = db(),
): Promise<StoredFile | null> {
  const [row] = await executor.select().from(storedFiles).where(eq(storedFiles.id, id)).limit(1);
  if (!row || row.purpose !== purpose) return null;
  const bytes = new Uint8Array(row.content);
  const type = sniffFileType(bytes);
  if (!type || type !== row.mimeType) return null;
  return {
    id: row.id,
    purpose: row.purpose,
    fileName: row.fileName,
    type,
    bytes,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt,
  };
}
