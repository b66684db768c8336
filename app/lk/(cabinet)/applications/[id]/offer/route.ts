import { applicationOfferFile } from '@/lib/applications/application-files';
import { fileResponse } from '@/lib/files/file-response';
import { userRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

type Context = RouteContext<'/lk/applications/[id]/offer'>;

// The contract offer posted on the company’s own application, as a download.
export const GET = userRoute(
  'company',
  {
    unauthenticated: { login: async ({ params }: Context) => `/lk/applications/${(await params).id}` },
    forbidden: 'not-found',
    notFound: 'Не найдено',
    capability: 'applications',
  },
  async (_request, user, { params }: Context) => {
    const file = await applicationOfferFile((await params).id, user.companyId ?? '');
    return file && fileResponse(file, { download: true });
  },
);
