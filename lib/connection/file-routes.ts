import 'server-only';
import { companyMemberOf } from '@/lib/company/access';
import { companyRoleCan } from '@/lib/company/roles';
import { fileResponse } from '@/lib/files/file-response';
import { readStoredFile } from '@/lib/files/stored-files';
import { doorUser, type FileDoor, notFoundResponse } from '@/lib/http/cabinet-file-access';
import { applicationFile, type Scope, scopeOf } from './applications';

// An application's files (the documents uploaded, the offer, the ТУ and the act posted) behind the
// session: another applicant's or another company's file is the same plain 404 as a missing one.

type Params = { params: Promise<Record<string, string | string[]>> };
const param = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
const UUID = /^[0-9a-f-]{36}$/i;

export function connectionFileRoute(door: FileDoor) {
  return async (_request: Request, { params }: Params): Promise<Response> => {
    const p = await params;
    const id = param(p.id);
    const fileId = param(p.fileId);
    if (!UUID.test(id) || !UUID.test(fileId)) return notFoundResponse();
    const user = await doorUser(door, `${door.base}/connection/${id}`);
    if (user instanceof Response) return user;
    let scope: Scope = { kind: 'staff' };
    if (door.kind !== 'staff') {
      const member = companyMemberOf(user);
      if (door.kind === 'company' && !companyRoleCan(member?.role, 'connection')) return notFoundResponse();
      scope = scopeOf(user);
    }
    const linked = await applicationFile(id, fileId, scope);
    if (!linked) return notFoundResponse();
    const file = await readStoredFile(linked.fileId, linked.purpose);
    if (!file) return notFoundResponse();
    return fileResponse({ type: file.type, bytes: file.bytes, fileName: file.fileName });
  };
}
