import { FILE_EXTENSION, type FileType } from './sniff';

/**
 * The response that serves an uploaded file: its sniffed type, a download name in RFC 6266/5987
 * form (Cyrillic names survive), and headers that keep a browser from treating it as a page.
 */
export function fileResponse(
  file: { type: FileType; bytes: Uint8Array; fileName: string },
  options: { download?: boolean } = {},
): Response {
  const extension = FILE_EXTENSION[file.type];
  const stem = file.fileName.replace(/\.[^.]*$/, '') || 'файл';
  const name = `${stem}.${extension}`;
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const disposition = `${options.download ? 'attachment' : 'inline'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'Content-Type': file.type,
      'Content-Length': String(file.bytes.length),
      'Content-Disposition': disposition,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
