'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { startBillingSchema } from '@/lib/billing/schemas';
import { startBillingFromConsole } from '@/lib/billing/start';
import { requestContext } from '@/lib/http/request-context';
import { queueBillingRun } from '@/lib/jobs/billing-dispatch';

/**
 * «Начислить»: claims the period and queues the run on the job queue, so a long run does not hold
 * the request and survives a restart; the page then follows the run's progress. Nothing new to
 * bill, a run already in progress or missing tariffs come back as the form's message instead.
 */
export const startBilling = userAction('staff', startBillingSchema, async ({ period, confirmOpenWindow }, staff) => {
  const { ip } = await requestContext();
  const result = await startBillingFromConsole({ period, staffId: staff.id, ip, confirmOpenWindow }, queueBillingRun);
  if (!result.ok || !result.runId) return result;
  redirect(`/admin/billing?period=${period}&run=${result.runId}`);
});
