import { archiveFileName, PERIOD, periodArchive } from '@/lib/company/archive';
import { companyDocumentUser, downloadResponse, notFoundResponse } from '@/lib/company/document-route';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const period = new URL(request.url).searchParams.get('period') ?? '';
  const valid = PERIOD.test(period);
  const access = await companyDocumentUser(valid ? `/lk/bills/archive?period=${period}` : '/lk/bills');
  if ('response' in access) return access.response;
  const zip = valid ? await periodArchive(access.user, period) : null;
  if (!zip) return notFoundResponse('За этот период документов нет');
  return downloadResponse(zip, 'application/zip', archiveFileName(period), true);
}
