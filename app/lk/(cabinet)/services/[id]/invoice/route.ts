import { downloadResponse } from '@/lib/company/document-route';
import { userRoute } from '@/lib/http/route';
import { serviceInvoiceFor } from '@/lib/services/invoice';
import { renderServiceInvoicePdf, serviceInvoiceFileName } from '@/lib/services/invoice-pdf';

export const dynamic = 'force-dynamic';

// The invoice of a company's service request: for the company's users who see its bills; any other
// request, or one without an agreed price, is the same 404.
export const GET = userRoute(
  'company',
  {
    unauthenticated: {
      login: async (ctx: RouteContext<'/lk/services/[id]/invoice'>) => `/lk/services/${(await ctx.params).id}`,
    },
    forbidden: 'not-found',
    notFound: 'Счёт не найден',
  },
  async (request, user, ctx) => {
    const invoice = await serviceInvoiceFor(user, (await ctx.params).id);
    if (!invoice) return null;
    const download = new URL(request.url).searchParams.get('download') === '1';
    return downloadResponse(
      await renderServiceInvoicePdf(invoice),
      'application/pdf',
      serviceInvoiceFileName(invoice),
      download,
    );
  },
);
