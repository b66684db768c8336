import { reconciliationFileRoute } from '@/lib/company/reconciliation-route';
import { renderReconciliationPdf } from '@/lib/company/reconciliation-pdf';

export const dynamic = 'force-dynamic';

export const GET = reconciliationFileRoute(
  'pdf',
  'application/pdf',
  async (act) => new Uint8Array(await renderReconciliationPdf(act)),
);
