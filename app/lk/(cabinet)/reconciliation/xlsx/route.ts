import { reconciliationFileName } from '@/lib/company/reconciliation';
import { renderReconciliationXlsx } from '@/lib/company/reconciliation-xlsx';
import { requestedReconciliation } from '@/lib/company/reconciliation-request';
import { userRoute } from '@/lib/http/route';
import { downloadResponse } from '@/lib/http/private-response';

export const dynamic = 'force-dynamic';

// GET /lk/reconciliation/xlsx?from=&to=&account= → the акт сверки as XLSX, for the roles that see money.
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
      bytes: await renderReconciliationXlsx(act),
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: reconciliationFileName(act, 'xlsx'),
    };
    return downloadResponse(file, { download: true });
  },
);
