import { downloadResponse } from '@/lib/http/private-response';
import { FILE_EXTENSION, type FileType } from './sniff';

/**
 * The response that serves an uploaded file: its sniffed type, under that type's extension
 * (Cyrillic names survive), in a sandbox that keeps a browser from treating it as a page.
 */
export function fileResponse(
  file: { type: FileType; bytes: Uint8Array; fileName: string },
  options: { download?: boolean } = {},
): Response {
  const stem = file.fileName.replace(/\.[^.]*$/, '') || 'файл';
  const fileName = `${stem}.${FILE_EXTENSION[file.type]}`;
  return downloadResponse({ type: file.type, bytes: file.bytes, fileName }, { ...options, sandbox: true });
}
