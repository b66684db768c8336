import { reconciliationFileRoute } from '@/lib/company/reconciliation-route';
import { renderReconciliationXlsx } from '@/lib/company/reconciliation-xlsx';

export const dynamic = 'force-dynamic';

export const GET = reconciliationFileRoute(
  'xlsx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  renderReconciliationXlsx,
);
