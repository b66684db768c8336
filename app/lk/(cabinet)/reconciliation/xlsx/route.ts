import { reconciliationRoute } from '@/lib/company/document-routes';
import { renderReconciliationXlsx } from '@/lib/company/reconciliation-xlsx';

export const dynamic = 'force-dynamic';

export const GET = reconciliationRoute(
  { extension: 'xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  renderReconciliationXlsx,
);
