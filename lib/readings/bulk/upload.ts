// A company's readings file between its preview and its confirmation: kept in `stored_files` (never
// in the browser), readable only by the person who uploaded it, and written in one transaction that
// re-checks every row first and writes nothing if any verdict changed since the preview.
import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { meters, readings, storedFiles } from '@/db/schema';
import { type ActionResult, fail } from '@/lib/actions/result';
import { accessibleAccountIds, type SessionUser } from '@/lib/auth/session';
import { cleanFileName } from '@/lib/files/check-upload';
import { formatPeriod } from '@/lib/format/dates';
import { isUuid } from '@/lib/validation/ids';
import { FILE_MIME, type FileRow, parseReadingsFile } from './parse';
import { type FileVerdicts, fileVerdicts } from './verdicts';

const PURPOSE = 'readings_upload';

export interface ReadingsUpload {
  id: string;
  fileName: string;
  createdAt: Date;
  verdicts: FileVerdicts;
}

/** Parses the file and keeps it for the preview; the person's earlier unconfirmed files go. */
export async function storeReadingsFile(
  user: SessionUser,
  file: { name: string; bytes: Uint8Array },
): Promise<ActionResult<{ id: string }>> {
  const parsed = await parseReadingsFile(file.bytes);
  if (!parsed.ok) return fail(parsed.reason, { file: parsed.reason });
  const id = await db().transaction(async (tx) => {
    await tx.delete(storedFiles).where(and(eq(storedFiles.purpose, PURPOSE), eq(storedFiles.uploadedBy, user.id)));
    const [row] = await tx
      .insert(storedFiles)
      .values({
        purpose: PURPOSE,
        fileName: cleanFileName(file.name),
        mimeType: FILE_MIME[parsed.kind],
        sizeBytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        content: file.bytes,
        uploadedBy: user.id,
      })
      .returning({ id: storedFiles.id });
    return row!.id;
  });
  return { ok: true, id };
}

async function storedRows(
  executor: Db | Tx,
  user: SessionUser,
  id: string,
  options: { lock?: boolean } = {},
): Promise<{ fileName: string; createdAt: Date; rows: FileRow[] } | null> {
  if (!isUuid(id)) return null;
  const query = executor
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.id, id), eq(storedFiles.purpose, PURPOSE), eq(storedFiles.uploadedBy, user.id)));
  // At confirmation the file row is locked first: a second click waits, then finds it gone.
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) return null;
  const parsed = await parseReadingsFile(new Uint8Array(row.content));
  if (!parsed.ok) return null;
  return { fileName: row.fileName, createdAt: row.createdAt, rows: parsed.rows };
}

/** The preview: the file of this person with today's verdicts, or null (not theirs, gone, confirmed). */
export async function readingsUpload(user: SessionUser, id: string, now = new Date()): Promise<ReadingsUpload | null> {
  const stored = await storedRows(db(), user, id);
  if (!stored) return null;
  const verdicts = await fileVerdicts(db(), await accessibleAccountIds(user), stored.rows, now);
  return { id, fileName: stored.fileName, createdAt: stored.createdAt, verdicts };
}

export async function discardReadingsUpload(user: SessionUser, id: string): Promise<void> {
  if (!isUuid(id)) return;
  await db()
    .delete(storedFiles)
    .where(and(eq(storedFiles.id, id), eq(storedFiles.purpose, PURPOSE), eq(storedFiles.uploadedBy, user.id)));
}

export interface ConfirmInput {
  uploadId: string;
  fingerprint: string;
  confirmImplausible: boolean;
}

const CHANGED =
  'Пока вы смотрели предпросмотр, данные изменились (показания, приборы или окно приёма). Ничего не записано — проверьте обновлённый предпросмотр и подтвердите ещё раз.';

/**
 * Writes every accepted row (and the confirmed implausible ones) in one transaction: the meters are
 * locked as the form locks them, the verdicts computed again, and if they differ from the preview's
 * nothing is written. A register already read this period is replaced, as a resubmission of the form.
 */
export async function confirmReadingsUpload(
  user: SessionUser,
  input: ConfirmInput,
  now = new Date(),
): Promise<ActionResult<{ written: number; period: string }>> {
  const accountIds = await accessibleAccountIds(user);
  return db().transaction(async (tx) => {
    const stored = await storedRows(tx, user, input.uploadId, { lock: true });
    if (!stored) return fail('Файл не найден: он уже принят или отменён. Загрузите его снова.');
    if (accountIds.length > 0) {
      await tx
        .select({ id: meters.id })
        .from(meters)
        .where(inArray(meters.accountId, accountIds))
        .orderBy(meters.id)
        .for('update');
    }
    const verdicts = await fileVerdicts(tx, accountIds, stored.rows, now);
    if (verdicts.fingerprint !== input.fingerprint) return fail(CHANGED);
    const confirm = verdicts.rows.filter((v) => v.status === 'confirm');
    if (confirm.length > 0 && !input.confirmImplausible) {
      return fail(
        `В ${confirm.length} строк(ах) расход намного больше обычного. Проверьте их и отметьте, что показания верные, — или исправьте файл и загрузите снова.`,
        { confirmImplausible: 'Отметьте, что показания верные' },
      );
    }
    const toWrite = verdicts.rows.filter((v) => v.status !== 'refused');
    if (toWrite.length === 0)
      return fail('В файле нет ни одной строки, которую можно принять. Исправьте файл и загрузите снова.');
    const period = verdicts.window.period;
    const meterIds = [...new Set(toWrite.map((v) => v.meterId!))];
    await tx
      .update(readings)
      .set({ status: 'superseded' })
      .where(and(inArray(readings.meterId, meterIds), eq(readings.period, period), eq(readings.status, 'accepted')));
    await tx.insert(readings).values(
      toWrite.map((v) => ({
        meterId: v.meterId!,
        period,
        zone: v.zoneKey!,
        value: v.parsedValue!,
        source: 'import' as const,
        status: 'accepted' as const,
        submittedBy: user.id,
        submittedAt: now,
      })),
    );
    await tx.delete(storedFiles).where(eq(storedFiles.id, input.uploadId));
    const when = formatPeriod(period);
    return {
      ok: true,
      written: toWrite.length,
      period,
      message: verdicts.window.nextPeriod
        ? `Принято показаний: ${toWrite.length}. Они учтены за ${when}: приём за прошлый месяц уже закрыт.`
        : `Принято показаний за ${when}: ${toWrite.length}.`,
    };
  });
}
