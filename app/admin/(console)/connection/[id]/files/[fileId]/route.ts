import { readApplicationFile } from '@/lib/connection/application-files';
import { fileResponse } from '@/lib/files/file-response';
import { backIfIds, userRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

type Context = RouteContext<'/admin/connection/[id]/files/[fileId]'>;

// A file of any connection application: a document uploaded, the offer, the ТУ, the act.
export const GET = userRoute(
  'staff',
  {
    unauthenticated: {
      login: async ({ params }: Context) => {
        const { id, fileId } = await params;
        return backIfIds(`/admin/connection/${id}`, id, fileId);
      },
    },
    forbidden: 'not-found',
    notFound: 'Не найдено',
  },
  async (_request, _user, { params }: Context) => {
    const { id, fileId } = await params;
    const file = await readApplicationFile(id, fileId, { kind: 'staff' });
    return file && fileResponse(file);
  },
);
