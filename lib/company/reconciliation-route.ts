// The PDF and XLSX of the акт сверки: the session and role checked here (a route handler is not
// under the layout), the period read as the page reads it, another company's account a plain 404.
import 'server-only';
import { refusal, userRoute } from '@/lib/http/route';
import { companyMemberOf } from './access';
import { downloadResponse } from './document-route';
import { type Reconciliation, companyReconciliation, reconciliationFileName } from './reconciliation';
import { reconciliationRange } from './reconciliation-range';
import { companyRoleCan } from './roles';

export function reconciliationFileRoute(
  extension: 'pdf' | 'xlsx',
  type: string,
  render: (act: Reconciliation) => Promise<Uint8Array>,
) {
  return userRoute(
    'company',
    {
      unauthenticated: { login: () => '/lk/reconciliation' },
      forbidden: 'not-found',
      notFound: 'Акт сверки не найден',
    },
    async (request, user) => {
      if (!companyRoleCan(companyMemberOf(user)?.role, 'reconciliation')) return null;
      const params = Object.fromEntries(new URL(request.url).searchParams);
      const checked = reconciliationRange(params, new Date());
      if (!checked.ok) return refusal(400, checked.message);
      const act = await companyReconciliation(user, checked.range);
      if (!act) return null;
      return downloadResponse(await render(act), type, reconciliationFileName(act, extension), true);
    },
  );
}
