import 'server-only';
import type { LoginDoor } from '@/lib/auth/login-doors';
import { canUseDoor, currentUser, loginPathByDoor } from '@/lib/auth/session';
import { fileResponse } from '@/lib/files/file-response';
import { readStoredFile } from '@/lib/files/stored-files';
import { actFileName, renderActPdf } from './act-pdf';
import { requestDetail, requestPhoto, SERVICE_PHOTO_PURPOSE } from './requests';

// The files of a request (its photos, the act of completed works) behind the session: a route
// handler is not under the cabinet's frame, so it checks the user itself. Another user's request,
// another door's user, a malformed id: the same plain 404, so nobody learns which requests exist.

type Door = { kind: LoginDoor; base: '/fiz' | '/lk' } | { kind: 'staff'; base: '/admin' };
type Params = { params: Promise<Record<string, string | string[]>> };

function notFound(): Response {
  return new Response('Не найдено', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
  });
}

const param = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

async function owner(door: Door, back: string): Promise<{ ownerId: string | null } | Response> {
  const user = await currentUser();
  if (!user) {
    return new Response(null, {
      status: 307,
      headers: {
        Location: `${loginPathByDoor[door.kind]}?next=${encodeURIComponent(back)}`,
        'Cache-Control': 'no-store',
      },
    });
  }
  if (!canUseDoor(user, door.kind)) return notFound();
  return { ownerId: door.kind === 'staff' ? null : user.id };
}

export function actRoute(door: Door) {
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

export function photoRoute(door: Door) {
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
