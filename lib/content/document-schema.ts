import { z } from 'zod';
import { optionalText, requiredText } from '@/lib/validation/fields';
import { documentAudiences } from '@/lib/content/document-audiences';

// The document form: a PDF (checked by its bytes on the server, lib/files), its title, category,
// edition and who it is for. Replacing a document's file keeps its address.

export const DOCUMENT_MAX_BYTES = 8 * 1024 * 1024;
export const DOCUMENT_FILE_PURPOSE = 'document';

export const documentSchema = z.object({
  id: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  title: requiredText('Название', 200),
  summary: requiredText('Кратко', 400),
  category: z.enum(['normative', 'contracts', 'subscribers', 'payments'], { error: 'Выберите раздел' }),
  version: optionalText('Редакция', 100),
  audience: z.enum(documentAudiences, { error: 'Выберите, для кого документ' }),
  // The file itself is read from FormData and checked by its bytes; the schema only lets it pass.
  file: z.unknown().optional(),
});

export type DocumentInput = z.output<typeof documentSchema>;
