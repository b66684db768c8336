import { isUuid } from '@/lib/validation/ids';
import { companyBillDocuments } from '@/lib/company/documents';
import { companyDocumentUser, downloadResponse, notFoundResponse } from '@/lib/company/document-route';
import { documentFileName, renderInvoicePdf } from '@/lib/company/invoice-pdf';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: RouteContext<'/lk/bills/[id]/invoice'>): Promise<Response> {
  const { id } = await params;
  const access = await companyDocumentUser(isUuid(id) ? `/lk/bills/${id}/invoice` : '/lk/bills');
  if ('response' in access) return access.response;
  const docs = await companyBillDocuments(access.user, id);
  if (!docs) return notFoundResponse();
  const pdf = await renderInvoicePdf(docs);
  return downloadResponse(pdf, 'application/pdf', documentFileName('schet', docs.number), false);
}
