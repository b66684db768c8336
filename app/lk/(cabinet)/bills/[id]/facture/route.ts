import { companyBillDocuments } from '@/lib/company/documents';
import { renderFacturePdf } from '@/lib/company/facture-pdf';
import { documentFileName } from '@/lib/pdf/invoice';
import { userRoute } from '@/lib/http/route';
import { downloadResponse } from '@/lib/http/private-response';
import { isUuid } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';

type Context = RouteContext<'/lk/bills/[id]/facture'>;

// The VAT invoice (счёт-фактура) of one of the company's bills, opened in the browser. A role without
// access to money, another company's bill, a malformed id: the same plain 404.
export const GET = userRoute(
  'company',
  {
    // Only a well-formed id goes into the way back.
    unauthenticated: {
      login: async ({ params }: Context) => {
        const { id } = await params;
        return isUuid(id) ? `/lk/bills/${id}/facture` : '/lk/bills';
      },
    },
    forbidden: 'not-found',
    notFound: 'Документ не найден',
    capability: 'bills',
  },
  async (_request, user, { params }: Context) => {
    const docs = await companyBillDocuments(user, (await params).id);
    if (!docs) return null;
    const bytes = await renderFacturePdf(docs);
    return downloadResponse({
      bytes,
      type: 'application/pdf',
      fileName: documentFileName('schet-faktura', docs.number),
    });
  },
);
