// The PDF receipt of one bill: no session → the login page (and back here after it); another
// user's bill, another door's user, an unknown or malformed id → the same plain 404, so nobody
// learns which bills exist (a login page for another door's user would send them back here).
import { billDetail } from '@/lib/bills/queries';
import { receiptFileName, renderReceiptPdf } from '@/lib/bills/receipt-pdf';
import { userRoute } from '@/lib/http/route';
import { downloadResponse } from '@/lib/http/private-response';
import { isUuid } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';

type Context = RouteContext<'/fiz/bills/[id]/receipt'>;

export const GET = userRoute(
  'household',
  {
    // Only a well-formed id goes into the way back.
    unauthenticated: {
      login: async ({ params }: Context) => {
        const { id } = await params;
        return isUuid(id) ? `/fiz/bills/${id}/receipt` : '/fiz/bills';
      },
    },
    forbidden: 'not-found',
    notFound: 'Квитанция не найдена',
  },
  async (_request, user, { params }: Context) => {
    const detail = await billDetail(user, (await params).id);
    if (!detail) return null;
    const pdf = await renderReceiptPdf(detail);
    return downloadResponse({
      bytes: pdf,
      type: 'application/pdf',
      fileName: receiptFileName(detail.bill.receiptNumber),
    });
  },
);
