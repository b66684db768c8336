import { downloadResponse } from '@/lib/http/private-response';
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
    capability: 'bills',
  },
  async (request, user, ctx) => {
    const invoice = await serviceInvoiceFor(user, (await ctx.params).id);
    if (!invoice) return null;
    const download = new URL(request.url).searchParams.get('download') === '1';
    return downloadResponse(
      {
        bytes: await renderServiceInvoicePdf(invoice),
        type: 'application/pdf',
        fileName: serviceInvoiceFileName(invoice),
      },
      { download },
    );
  },
);
