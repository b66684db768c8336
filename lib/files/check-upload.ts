// The one check every upload passes (photos of a panel, documents of an application, published
// PDFs): present, not empty, not above the size limit, and of an accepted type by its bytes.
// Pure (no database), so forms' server actions call it before opening a transaction.
import { FILE_TYPE_LABEL, type FileType, sniffFileType } from './sniff';

export interface UploadRule {
  accept: readonly FileType[];
  maxBytes: number;
}

export interface CheckedUpload {
  type: FileType;
  bytes: Uint8Array;
  /** The name the user gave, cleaned for display; never used to decide the type or a path. */
  name: string;
}

export type UploadCheck = { ok: true; file: CheckedUpload } | { ok: false; reason: string };

const megabytes = (bytes: number) => {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace('.', ',')}\u00a0МБ`;
};

const listOf = (types: readonly FileType[]) => {
  const labels = [...new Set(types.map((t) => FILE_TYPE_LABEL[t]))];
  return labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} или ${labels.at(-1)}`;
};

/** Keeps letters, digits, spaces and `._-()`; at most 120 characters; «файл» when nothing is left. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]+/gu, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return cleaned.replace(/^[._]+$/, '') || 'файл';
}

/** `undefined`/an empty file input is the caller's business (optional or required); anything else is checked. */
export async function checkUpload(file: unknown, rule: UploadRule): Promise<UploadCheck> {
  const allowed = listOf(rule.accept);
  if (!(file instanceof Blob)) return { ok: false, reason: `Прикрепите файл в формате ${allowed}.` };
  const name = cleanFileName(file instanceof File ? file.name : '');
  if (file.size === 0) return { ok: false, reason: `Файл «${name}» пустой. Выберите его заново.` };
  const tooBig = `Файл «${name}» больше ${megabytes(rule.maxBytes)}. Уменьшите его или отправьте другой.`;
  if (file.size > rule.maxBytes) return { ok: false, reason: tooBig };
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The declared size is the client's word; the bytes read are the fact.
  if (bytes.length > rule.maxBytes) return { ok: false, reason: tooBig };
  const type = sniffFileType(bytes);
  if (!type || !rule.accept.includes(type)) {
    return { ok: false, reason: `Файл «${name}» не в формате ${allowed} — другие файлы не принимаются.` };
  }
  return { ok: true, file: { type, bytes, name } };
}
