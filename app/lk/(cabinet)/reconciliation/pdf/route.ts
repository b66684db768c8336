import { reconciliationRoute } from '@/lib/company/document-routes';
import { renderReconciliationPdf } from '@/lib/company/reconciliation-pdf';

export const dynamic = 'force-dynamic';

export const GET = reconciliationRoute(
  { extension: 'pdf', type: 'application/pdf' },
  async (act) => new Uint8Array(await renderReconciliationPdf(act)),
);
