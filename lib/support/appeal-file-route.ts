import 'server-only';
import { fileResponse } from '@/lib/files/file-response';
import { readStoredFile } from '@/lib/files/stored-files';
import { refusal } from '@/lib/http/private-response';
import { backIfIds, userRoute } from '@/lib/http/route';
import { APPEAL_FILE_PURPOSE } from './appeal-messages';
import { type AppealScope, appealFileId, appealScopeOf, readGuestAppealParam } from './appeals';

// The route handlers of a file in an appeal's thread — the appellant's or staff's — for the household
// and the company cabinet, the console and the guest's signed link: a file of another's appeal is
// «Не найдено», the same as a missing one.

type AppealFileContext = { params: Promise<{ id: string; fileId: string }> };
type GuestFileContext = { params: Promise<{ key: string; fileId: string }> };

const NOT_FOUND = 'Не найдено';
const PAGE = { household: '/fiz/appeals', company: '/lk/appeals', staff: '/admin/support' } as const;

async function serveAppealFile(appealId: string, fileId: string, scope: AppealScope | { kind: 'staff' }) {
  const linked = await appealFileId(appealId, fileId, scope);
  const file = linked ? await readStoredFile(linked, APPEAL_FILE_PURPOSE) : null;
  return file && fileResponse(file);
}

export function appealFileRoute(door: keyof typeof PAGE) {
  return userRoute<AppealFileContext, typeof door>(
    door,
    {
      unauthenticated: {
        login: async ({ params }) => {
          const { id, fileId } = await params;
          return backIfIds(`${PAGE[door]}/${id}`, id, fileId);
        },
      },
      forbidden: 'not-found',
      notFound: NOT_FOUND,
    },
    async (_request, user, { params }) => {
      const { id, fileId } = await params;
      return serveAppealFile(id, fileId, door === 'staff' ? { kind: 'staff' } : appealScopeOf(user));
    },
  );
}

/** A guest has no session: the signed key of the letter's link is the only credential, as on the page. */
export function guestAppealFileRoute() {
  return async (_request: Request, { params }: GuestFileContext): Promise<Response> => {
    const { key, fileId } = await params;
    const id = readGuestAppealParam(key);
    const served = id ? await serveAppealFile(id, fileId, { kind: 'guest', appealId: id }) : null;
    return served ?? refusal(404, NOT_FOUND);
  };
}
