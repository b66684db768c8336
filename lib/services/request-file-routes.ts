import 'server-only';
import { fileResponse } from '@/lib/files/file-response';
import { backIfIds, userRoute } from '@/lib/http/route';
import { requestActFile, requestPhotoFile } from './request-files';

// The files of a customer's own paid-service request answer the same way in both cabinets: the
// owner gets the file, anyone else a 404 (never a hint that the request exists), and a signed-out
// visitor the login page that returns to the request.

type Door = 'household' | 'company';
const CABINET: Record<Door, string> = { household: '/fiz', company: '/lk' };

function requestFileRoute<P extends { id: string }>(
  door: Door,
  serve: (params: P, userId: string) => Promise<Response | null>,
) {
  return userRoute(
    door,
    {
      unauthenticated: {
        login: async ({ params }: { params: Promise<P> }) => {
          const { id } = await params;
          return backIfIds(`${CABINET[door]}/services/${id}`, id);
        },
      },
      forbidden: 'not-found',
      notFound: 'Не найдено',
    },
    async (_request, user, { params }: { params: Promise<P> }) => serve(await params, user.id),
  );
}

/** The act of completed works, downloaded; a request not done yet has none (404). */
export function requestActRoute(door: Door) {
  return requestFileRoute<{ id: string }>(door, async ({ id }, userId) => {
    const file = await requestActFile(id, userId);
    return file && fileResponse(file, { download: true });
  });
}

/** A photo attached to the request, shown inline in its sandbox. */
export function requestPhotoRoute(door: Door) {
  return requestFileRoute<{ id: string; fileId: string }>(door, async ({ id, fileId }, userId) => {
    const file = await requestPhotoFile(id, fileId, userId);
    return file && fileResponse(file);
  });
}
