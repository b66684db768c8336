import { billingRunJsonById } from '@/lib/billing/run-status';
import { userRoute } from '@/lib/http/route';
import { privateJson } from '@/lib/http/private-response';

// GET /admin/billing/runs/<id> → the run's progress as JSON, polled by the billing page about once a
// second. Refusals are JSON too (401 / 403, not a redirect), so the poller can say what is wrong.
export const GET = userRoute(
  'staff',
  {
    unauthenticated: 'Войдите как сотрудник, чтобы видеть ход начисления',
    forbidden: 'Ход начисления доступен только сотрудникам',
    notFound: 'Такого запуска начисления нет',
    format: 'json',
  },
  async (_request, _user, { params }: RouteContext<'/admin/billing/runs/[id]'>) => {
    const run = await billingRunJsonById((await params).id);
    return run && privateJson(run);
  },
);
