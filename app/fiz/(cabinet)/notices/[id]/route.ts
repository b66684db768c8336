// The PDF of a debt notice on one of the subscriber's own accounts. Another subscriber's notice,
// an unknown or malformed id, another door's user → the same plain 404.
import { fileResponse } from '@/lib/files/file-response';
import { noticeFile } from '@/lib/debtors/notices';
import { userRoute } from '@/lib/http/route';
import { isUuid } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';

type Context = RouteContext<'/fiz/notices/[id]'>;

export const GET = userRoute(
  'household',
  {
    unauthenticated: {
      login: async ({ params }: Context) => {
        const { id } = await params;
        return isUuid(id) ? `/fiz/notices/${id}` : '/fiz';
      },
    },
    forbidden: 'not-found',
    notFound: 'Уведомление не найдено',
  },
  async (_request, user, { params }: Context) => {
    const file = await noticeFile(user, (await params).id, false);
    return file ? fileResponse(file, { download: true }) : null;
  },
);
