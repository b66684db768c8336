import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFiles } from '@/db/schema';
import { checkUpload } from '@/lib/files/check-upload';
import { readStoredFile, saveUpload } from '@/lib/files/stored-files';
import { createTestDatabase, dbErrorOf, type TestDatabase } from '../support/test-db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const pdfBytes = new TextEncoder().encode('%PDF-1.4\nтело документа\n%%EOF');

async function checkedPdf() {
  const result = await checkUpload(new File([Buffer.from(pdfBytes)], 'Выписка ЕГРН.pdf'), {
    accept: ['application/pdf'],
    maxBytes: 1024,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.file;
}

describe('stored files', () => {
  it('keeps the bytes exactly and gives them back only for their purpose', async () => {
    const id = await saveUpload(t.db, await checkedPdf(), { purpose: 'application_document', uploadedBy: null });
    const stored = await readStoredFile(id, 'application_document', t.db);
    expect(stored).toMatchObject({ fileName: 'Выписка ЕГРН.pdf', type: 'application/pdf', uploadedBy: null });
    expect(stored!.bytes).toEqual(pdfBytes);
    expect(await readStoredFile(id, 'service_photo', t.db)).toBeNull();
    expect(await readStoredFile('00000000-0000-4000-8000-000000000000', 'application_document', t.db)).toBeNull();
  });

  it('writes nothing when the caller’s transaction fails', async () => {
    const file = await checkedPdf();
    const before = await t.db.$count(storedFiles);
    await expect(
      t.db.transaction(async (tx) => {
        await saveUpload(tx, file, { purpose: 'service_photo', uploadedBy: null });
        throw new Error('the request row failed');
      }),
    ).rejects.toThrow('the request row failed');
    expect(await t.db.$count(storedFiles)).toBe(before);
  });

  it('the database refuses a size that does not match the content and an unknown type', async () => {
    const insert = (size: number, type: string) =>
      t.db.execute(
        sql`insert into stored_files (purpose, file_name, mime_type, size_bytes, sha256, content)
            values ('service_photo', 'x', ${type}, ${size}, 'x', '\\x25504446'::bytea)`,
      );
    expect(dbErrorOf(await insert(5, 'application/pdf').catch((e) => e))).toMatchObject({
      code: '23514',
      constraint: 'stored_files_size',
    });
    expect(dbErrorOf(await insert(4, 'text/html').catch((e) => e))).toMatchObject({
      code: '23514',
      constraint: 'stored_files_type',
    });
  });

  it('does not serve a row whose bytes were changed into another type', async () => {
    const id = await saveUpload(t.db, await checkedPdf(), { purpose: 'application_document', uploadedBy: null });
    await t.db.execute(
      sql`update stored_files set content = '\\x3c68746d6c3e'::bytea, size_bytes = 6 where id = ${id}`,
    );
    expect(await readStoredFile(id, 'application_document', t.db)).toBeNull();
  });
});
