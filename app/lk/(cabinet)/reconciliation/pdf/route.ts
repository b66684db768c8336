import { reconciliationFileName } from '@/lib/company/reconciliation';
import { renderReconciliationPdf } from '@/lib/company/reconciliation-pdf';
import { requestedReconciliation } from '@/lib/company/reconciliation-request';
import { userRoute } from '@/lib/http/route';
import { downloadResponse } from '@/lib/http/private-response';

export const dynamic = 'force-dynamic';

// GET /lk/reconciliation/pdf?from=&to=&account= → the акт сверки as PDF, for the roles that see money.
export const GET = userRoute(
  'company',
  {
    unauthenticated: { login: () => '/lk/reconciliation' },
    forbidden: 'not-found',
    notFound: 'Акт сверки не найден',
    capability: 'reconciliation',
  },
  async (request, user) => {
    const act = await requestedReconciliation(request, user);
    if (!act || act instanceof Response) return act;
    const file = {
      bytes: new Uint8Array(await renderReconciliationPdf(act)),
      type: 'application/pdf',
      fileName: reconciliationFileName(act, 'pdf'),
    };
    return downloadResponse(file, { download: true });
  },
);
