// The акт сверки a download link asks for, read from its query as the page reads it.
import 'server-only';
import type { SessionUser } from '@/lib/auth/session';
import { refusal } from '@/lib/http/private-response';
import { type Reconciliation, companyReconciliation } from './reconciliation';
import { reconciliationRange } from './reconciliation-range';

/** The act; a 400 for a period the page would refuse too; null when the company has no such act. */
export async function requestedReconciliation(
  request: Request,
  user: SessionUser,
): Promise<Reconciliation | Response | null> {
  const checked = reconciliationRange(Object.fromEntries(new URL(request.url).searchParams), new Date());
  if (!checked.ok) return refusal(400, checked.message);
  return companyReconciliation(user, checked.range);
}
