import 'server-only';
import { readStoredFile } from '@/lib/files/stored-files';
import { actFileName, renderActPdf } from './act-pdf';
import { requestDetail, requestPhoto, SERVICE_PHOTO_PURPOSE } from './requests';

// The files of a request (the act of completed works, its photos) for its route handlers. The owner
// is the signed-in customer (null: staff, any request); another customer's request is null, the same
// as a missing one, so nobody learns which requests exist.

/** The act of a completed request, or null while the works are not done. */
export async function requestActFile(id: string, ownerId: string | null) {
  const request = await requestDetail(id, ownerId);
  const pdf = request && (await renderActPdf(request));
  if (!request || !pdf) return null;
  return { type: 'application/pdf' as const, bytes: new Uint8Array(pdf), fileName: actFileName(request.number) };
}

export async function requestPhotoFile(id: string, fileId: string, ownerId: string | null) {
  const linked = await requestPhoto(id, fileId, ownerId);
  return linked ? readStoredFile(linked, SERVICE_PHOTO_PURPOSE) : null;
}
