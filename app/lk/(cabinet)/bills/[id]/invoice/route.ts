import { companyBillDocuments } from '@/lib/company/documents';
import { renderInvoicePdf } from '@/lib/company/invoice-pdf';
import { documentFileName } from '@/lib/pdf/invoice';
import { userRoute } from '@/lib/http/route';
import { downloadResponse } from '@/lib/http/private-response';
import { isUuid } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';

type Context = RouteContext<'/lk/bills/[id]/invoice'>;

// The invoice of one of the company's bills, opened in the browser. A role without
// access to money, another company's bill, a malformed id: the same plain 404.
export const GET = userRoute(
  'company',
  {
    // Only a well-formed id goes into the way back.
    unauthenticated: {
      login: async ({ params }: Context) => {
        const { id } = await params;
        return isUuid(id) ? `/lk/bills/${id}/invoice` : '/lk/bills';
      },
    },
    forbidden: 'not-found',
    notFound: 'Документ не найден',
    capability: 'bills',
  },
  async (_request, user, { params }: Context) => {
    const docs = await companyBillDocuments(user, (await params).id);
    if (!docs) return null;
    const bytes = await renderInvoicePdf(docs);
    return downloadResponse({ bytes, type: 'application/pdf', fileName: documentFileName('schet', docs.number) });
  },
);
