import { fileResponse } from '@/lib/files/file-response';
import { backIfIds, userRoute } from '@/lib/http/route';
import { requestPhotoFile } from '@/lib/services/request-files';

export const dynamic = 'force-dynamic';

type Context = RouteContext<'/admin/services/[id]/photos/[fileId]'>;

// A photo attached to any request, shown inline in its sandbox.
export const GET = userRoute(
  'staff',
  {
    unauthenticated: {
      login: async ({ params }: Context) => {
        const { id } = await params;
        return backIfIds(`/admin/services/${id}`, id);
      },
    },
    forbidden: 'not-found',
    notFound: 'Не найдено',
  },
  async (_request, _user, { params }: Context) => {
    const { id, fileId } = await params;
    const file = await requestPhotoFile(id, fileId, null);
    return file && fileResponse(file);
  },
);
