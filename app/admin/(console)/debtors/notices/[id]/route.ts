import { fileResponse } from '@/lib/files/file-response';
import { noticeFile } from '@/lib/debtors/notices';
import { userRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

type Context = RouteContext<'/admin/debtors/notices/[id]'>;

// The PDF of a debt notice as it was sent (staff: any account's).
export const GET = userRoute(
  'staff',
  {
    unauthenticated: 'Войдите как сотрудник, чтобы открыть уведомление',
    forbidden: 'not-found',
    notFound: 'Уведомление не найдено',
  },
  async (_request, user, { params }: Context) => {
    const file = await noticeFile(user, (await params).id, true);
    return file ? fileResponse(file) : null;
  },
);
