import { z } from 'zod';
import { checkbox } from '@/lib/validation/fields';

// The forms of the readings file: the upload (the file itself is checked by its bytes in
// lib/readings/bulk/parse.ts), the one confirmation and the cancel.

export const uploadReadingsSchema = z.object({ file: z.unknown().optional() });

const uploadId = z.uuid('Файл не найден — загрузите его снова');

export const confirmReadingsSchema = z.object({
  uploadId,
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'Обновите страницу предпросмотра'),
  /** Ticked after the preview said some rows are far above the usual consumption. */
  confirmImplausible: checkbox.optional().default(false),
});

export const discardReadingsSchema = z.object({ uploadId });
