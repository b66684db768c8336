import 'server-only';
import type { BillingDispatch } from '@/lib/billing/start';
import { BILLING_RUN_QUEUE, billingRunSendOptions, type BillingRunJob } from './billing-run';
import { sendJob } from './queue';

/** Queues a claimed run for whichever instance works the queue (this one, unless BACKGROUND_JOBS=off). */
export const queueBillingRun: BillingDispatch = ({ runId, period }) =>
  sendJob(BILLING_RUN_QUEUE, { runId } satisfies BillingRunJob, billingRunSendOptions(period));
