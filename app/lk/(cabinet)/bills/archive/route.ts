import { archiveFileName, periodArchive } from '@/lib/company/archive';
import { isBillingPeriod } from '@/lib/validation/calendar';
import { userRoute } from '@/lib/http/route';
import { downloadResponse, refusal } from '@/lib/http/private-response';

export const dynamic = 'force-dynamic';

const period = (request: Request) => new URL(request.url).searchParams.get('period') ?? '';

// GET /lk/bills/archive?period=YYYY-MM-01 → a ZIP of the period's invoices and VAT invoices.
export const GET = userRoute(
  'company',
  {
    unauthenticated: {
      login: (_context, request) => {
        const wanted = period(request);
        return isBillingPeriod(wanted) ? `/lk/bills/archive?period=${wanted}` : '/lk/bills';
      },
    },
    forbidden: 'not-found',
    notFound: 'Документ не найден',
    capability: 'bills',
  },
  async (request, user) => {
    const wanted = period(request);
    const zip = isBillingPeriod(wanted) ? await periodArchive(user, wanted) : null;
    if (!zip) return refusal(404, 'За этот период документов нет');
    return downloadResponse(
      { bytes: zip, type: 'application/zip', fileName: archiveFileName(wanted) },
      { download: true },
    );
  },
);
