import { fileResponse } from '@/lib/files/file-response';
import { backIfIds, userRoute } from '@/lib/http/route';
import { requestPhotoFile } from '@/lib/services/request-files';

export const dynamic = 'force-dynamic';

type Context = RouteContext<'/fiz/services/[id]/photos/[fileId]'>;

// A photo attached to the subscriber’s own request, shown inline in its sandbox.
export const GET = userRoute(
  'household',
  {
    unauthenticated: {
      login: async ({ params }: Context) => {
        const { id } = await params;
        return backIfIds(`/fiz/services/${id}`, id);
      },
    },
    forbidden: 'not-found',
    notFound: 'Не найдено',
  },
  async (_request, user, { params }: Context) => {
    const { id, fileId } = await params;
    const file = await requestPhotoFile(id, fileId, user.id);
    return file && fileResponse(file);
  },
);
