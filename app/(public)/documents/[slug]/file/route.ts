import { DOCUMENT_FILE_PURPOSE } from '@/lib/content/document-schema';
import { getDocument } from '@/lib/content/documents';
import { fileResponse } from '@/lib/files/file-response';
import { readStoredFile } from '@/lib/files/stored-files';

// A published PDF, open to anyone (public documents); the purpose check keeps other uploads out.
export async function GET(_request: Request, { params }: RouteContext<'/documents/[slug]/file'>) {
  const { slug } = await params;
  const doc = /^[a-z0-9-]{1,100}$/.test(slug) ? await getDocument(slug) : null;
  const file = doc?.fileId ? await readStoredFile(doc.fileId, DOCUMENT_FILE_PURPOSE) : null;
  if (!doc || !file)
    return new Response('Документ не найден', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  return fileResponse({ type: file.type, bytes: file.bytes, fileName: doc.title });
}
