import { scopeOf } from '@/lib/connection/applications';
import { readApplicationFile } from '@/lib/connection/application-files';
import { fileResponse } from '@/lib/files/file-response';
import { backIfIds, userRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

type Context = RouteContext<'/fiz/connection/[id]/files/[fileId]'>;

// A file of the subscriber’s own connection application: a document uploaded, the offer, the ТУ, the act.
export const GET = userRoute(
  'household',
  {
    unauthenticated: {
      login: async ({ params }: Context) => {
        const { id, fileId } = await params;
        return backIfIds(`/fiz/connection/${id}`, id, fileId);
      },
    },
    forbidden: 'not-found',
    notFound: 'Не найдено',
  },
  async (_request, user, { params }: Context) => {
    const { id, fileId } = await params;
    const file = await readApplicationFile(id, fileId, scopeOf(user));
    return file && fileResponse(file);
  },
);
