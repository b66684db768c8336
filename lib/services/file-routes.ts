import 'server-only';
import { fileResponse } from '@/lib/files/file-response';
import { doorUser, type FileDoor, notFoundResponse as notFound } from '@/lib/http/cabinet-file-access';
import { readStoredFile } from '@/lib/files/stored-files';
import { actFileName, renderActPdf } from './act-pdf';
import { requestDetail, requestPhoto, SERVICE_PHOTO_PURPOSE } from './requests';

// The files of a request (its photos, the act of completed works) behind the session
// (lib/http/cabinet-file-access.ts): another user's request is the same plain 404 as a missing one.

type Params = { params: Promise<Record<string, string | string[]>> };

const param = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

async function owner(door: FileDoor, back: string): Promise<{ ownerId: string | null } | Response> {
  const user = await doorUser(door, back);
  if (user instanceof Response) return user;
  return { ownerId: door.kind === 'staff' ? null : user.id };
}

export function actRoute(door: FileDoor) {
  return async (_request: Request, { params }: Params): Promise<Response> => {
    const id = param((await params).id);
    if (!/^[0-9a-f-]{36}$/i.test(id)) return notFound();
    const who = await owner(door, `${door.base}/services/${id}`);
    if (who instanceof Response) return who;
    const request = await requestDetail(id, who.ownerId);
    if (!request) return notFound();
    const pdf = await renderActPdf(request);
    if (!pdf) return notFound();
    return fileResponse(
      { type: 'application/pdf', bytes: new Uint8Array(pdf), fileName: actFileName(request.number) },
      { download: true },
    );
  };
}

export function photoRoute(door: FileDoor) {
  return async (_request: Request, { params }: Params): Promise<Response> => {
    const p = await params;
    const id = param(p.id);
    const fileId = param(p.fileId);
    if (!/^[0-9a-f-]{36}$/i.test(id)) return notFound();
    const who = await owner(door, `${door.base}/services/${id}`);
    if (who instanceof Response) return who;
    const linked = await requestPhoto(id, fileId, who.ownerId);
    if (!linked) return notFound();
    const file = await readStoredFile(linked, SERVICE_PHOTO_PURPOSE);
    if (!file) return notFound();
    return fileResponse({ type: file.type, bytes: file.bytes, fileName: file.fileName });
  };
}
