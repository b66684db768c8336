// The nameplate photo a subscriber may attach to a meter request. Pure (no database): the type is
// decided by the file's first bytes, never by its name or the browser's claimed MIME type, so a
// script renamed to .jpg or an SVG (which can carry JavaScript) is refused.

import { sniffFileType } from '@/lib/files/sniff';

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';
const PHOTO_TYPES: readonly PhotoType[] = ['image/jpeg', 'image/png', 'image/webp'];

export type PhotoCheck = { ok: true; dataUrl: string; type: PhotoType; bytes: number } | { ok: false; reason: string };

/** JPEG, PNG or WebP by the file's first bytes (lib/files/sniff); anything else is null. */
export function sniffImageType(bytes: Uint8Array): PhotoType | null {
  const type = sniffFileType(bytes);
  return type && (PHOTO_TYPES as readonly string[]).includes(type) ? (type as PhotoType) : null;
}

const TOO_BIG =
  'Фото больше 2 МБ. Уменьшите его (например, сфотографируйте с меньшим разрешением) или отправьте заявку без фото.';
const NOT_IMAGE = 'Прикрепите фото в формате JPEG, PNG или WebP — другие файлы не принимаются.';

/**
 * Checks an uploaded file and turns it into a `data:` URL for `meters.nameplate_photo`.
 * `undefined` (no file chosen) is not an error: the photo is optional — the caller skips the call.
 */
export async function checkNameplatePhoto(file: unknown): Promise<PhotoCheck> {
  if (!(file instanceof Blob)) return { ok: false, reason: NOT_IMAGE };
  if (file.size === 0) return { ok: false, reason: 'Файл пустой. Выберите фото заново.' };
  if (file.size > PHOTO_MAX_BYTES) return { ok: false, reason: TOO_BIG };
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The declared size is the client's word; the bytes read are the fact.
  if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, reason: TOO_BIG };
  const type = sniffImageType(bytes);
  if (!type) return { ok: false, reason: NOT_IMAGE };
  return {
    ok: true,
    type,
    bytes: bytes.length,
    dataUrl: `data:${type};base64,${Buffer.from(bytes).toString('base64')}`,
  };
}

const DATA_URL = /^data:(image\/(?:jpeg|png|webp));base64,([A-Za-z0-9+/]+={0,2})$/;

/** The stored `data:` URL back to bytes, re-checked; null for anything that is not one of ours. */
export function decodePhotoDataUrl(dataUrl: string): { type: PhotoType; bytes: Uint8Array } | null {
  const match = DATA_URL.exec(dataUrl);
  if (!match) return null;
  const bytes = new Uint8Array(Buffer.from(match[2]!, 'base64'));
  const type = sniffImageType(bytes);
  return type && type === match[1] ? { type, bytes } : null;
}
