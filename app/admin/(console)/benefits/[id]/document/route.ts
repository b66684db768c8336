import { BENEFIT_DOCUMENT_PURPOSE } from '@/lib/benefits/benefit-schema';
import { benefitDocumentId } from '@/lib/benefits/benefits';
import { fileResponse } from '@/lib/files/file-response';
import { readStoredFile } from '@/lib/files/stored-files';
import { userRoute } from '@/lib/http/route';
import { isUuid } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';

type Context = RouteContext<'/admin/benefits/[id]/document'>;

// The scan of the document behind a benefit (staff only).
export const GET = userRoute(
  'staff',
  {
    unauthenticated: 'Войдите как сотрудник, чтобы открыть документ',
    forbidden: 'not-found',
    notFound: 'Документ не найден',
  },
  async (_request, _user, { params }: Context) => {
    const { id } = await params;
    const fileId = isUuid(id) ? await benefitDocumentId(id) : null;
    const file = fileId ? await readStoredFile(fileId, BENEFIT_DOCUMENT_PURPOSE) : null;
    return file ? fileResponse(file) : null;
  },
);
