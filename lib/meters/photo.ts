// The nameplate photo a subscriber may attach to a meter request. Pure (no database): the type is
// decided by the file's first bytes, never by its name or the browser's claimed MIME type, so a
// script renamed to .jpg or an SVG (which can carry JavaScript) is refused.

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

export type PhotoCheck = { ok: true; dataUrl: string; type: PhotoType; bytes: number } | { ok: false; reason: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/** JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`, WebP `RIFF….WEBP`; anything else is null. */
export function sniffImageType(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return null;
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
