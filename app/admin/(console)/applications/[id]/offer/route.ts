import { applicationOfferFile } from '@/lib/applications/application-files';
import { fileResponse } from '@/lib/files/file-response';
import { userRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

type Context = RouteContext<'/admin/applications/[id]/offer'>;

// The contract offer posted on any application, as a download.
export const GET = userRoute(
  'staff',
  {
    unauthenticated: { login: async ({ params }: Context) => `/admin/applications/${(await params).id}` },
    forbidden: 'not-found',
    notFound: 'Не найдено',
  },
  async (_request, _user, { params }: Context) => {
    const file = await applicationOfferFile((await params).id, null);
    return file && fileResponse(file, { download: true });
  },
);
