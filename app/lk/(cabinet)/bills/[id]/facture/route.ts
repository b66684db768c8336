import { isUuid } from '@/lib/validation/ids';
import { companyBillDocuments } from '@/lib/company/documents';
import { companyDocumentUser, downloadResponse, notFoundResponse } from '@/lib/company/document-route';
import { renderFacturePdf } from '@/lib/company/facture-pdf';
import { documentFileName } from '@/lib/company/invoice-pdf';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: RouteContext<'/lk/bills/[id]/facture'>): Promise<Response> {
  const { id } = await params;
  const access = await companyDocumentUser(isUuid(id) ? `/lk/bills/${id}/facture` : '/lk/bills');
  if ('response' in access) return access.response;
  const docs = await companyBillDocuments(access.user, id);
  if (!docs) return notFoundResponse();
  const pdf = await renderFacturePdf(docs);
  return downloadResponse(pdf, 'application/pdf', documentFileName('schet-faktura', docs.number), false);
}
