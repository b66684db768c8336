import { fileResponse } from '@/lib/files/file-response';
import { backIfIds, userRoute } from '@/lib/http/route';
import { requestActFile } from '@/lib/services/request-files';

export const dynamic = 'force-dynamic';

type Context = RouteContext<'/fiz/services/[id]/act'>;

// The act of completed works of one of the subscriber’s own requests; another's, or one not done yet: 404.
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
    const file = await requestActFile((await params).id, user.id);
    return file && fileResponse(file, { download: true });
  },
);
