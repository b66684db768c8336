import { currentUser } from '@/lib/auth/session';
import { billingRunStatusAnswer } from '@/lib/billing/run-status';

// GET /admin/billing/runs/<id> → the run's progress as JSON, polled by the billing page about once a
// second. A route handler checks the session itself (the console layout does not run here) and
// answers 401 / 403 as JSON instead of redirecting, so the poller can say what is wrong.
export async function GET(_request: Request, { params }: RouteContext<'/admin/billing/runs/[id]'>) {
  const { id } = await params;
  const answer = await billingRunStatusAnswer(await currentUser(), id);
  return Response.json(answer.body, { status: answer.status, headers: { 'Cache-Control': 'private, no-store' } });
}
