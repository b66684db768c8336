import 'server-only';
import { canUseDoor, currentUser, loginPathByDoor } from '@/lib/auth/session';
import { companyMemberOf } from '@/lib/company/access';
import { companyRoleCan } from '@/lib/company/roles';
import { fileResponse } from '@/lib/files/file-response';
import { readStoredFile } from '@/lib/files/stored-files';
import {
  APPLICATION_FILE_PURPOSE,
  APPLICATION_OFFER_PURPOSE,
  applicationDetail,
  applicationFileId,
} from './applications';

// The files of an application (its documents, the contract offer) behind the session: a route
// handler is not under the cabinet's frame, so it checks the user itself. Another company's
// application or file, another role, a malformed id: the same plain 404.

type Door = { kind: 'company'; base: '/lk' } | { kind: 'staff'; base: '/admin' };
type Params = { params: Promise<Record<string, string | string[]>> };

function notFound(): Response {
  return new Response('Не найдено', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
  });
}

const param = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** The company whose files the session may open (null: staff, any company), or the response to send. */
async function scope(door: Door, back: string): Promise<{ companyId: string | null } | Response> {
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
  if (door.kind === 'staff') return { companyId: null };
  const member = companyMemberOf(user);
  if (!member || !companyRoleCan(member.role, 'applications')) return notFound();
  return { companyId: member.companyId };
}

export function applicationDocumentRoute(door: Door) {
  return async (_request: Request, { params }: Params): Promise<Response> => {
    const p = await params;
    const id = param(p.id);
    const who = await scope(door, `${door.base}/applications/${id}`);
    if (who instanceof Response) return who;
    const fileId = await applicationFileId(id, param(p.fileId), who.companyId);
    if (!fileId) return notFound();
    const file = await readStoredFile(fileId, APPLICATION_FILE_PURPOSE);
    if (!file) return notFound();
    return fileResponse({ type: file.type, bytes: file.bytes, fileName: file.fileName }, { download: true });
  };
}

export function applicationOfferRoute(door: Door) {
  return async (_request: Request, { params }: Params): Promise<Response> => {
    const id = param((await params).id);
    const who = await scope(door, `${door.base}/applications/${id}`);
    if (who instanceof Response) return who;
    const detail = await applicationDetail(id, who.companyId);
    if (!detail?.application.offerFileId) return notFound();
    const file = await readStoredFile(detail.application.offerFileId, APPLICATION_OFFER_PURPOSE);
    if (!file) return notFound();
    return fileResponse({ type: file.type, bytes: file.bytes, fileName: file.fileName }, { download: true });
  };
}
