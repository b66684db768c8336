'use server';

import { userAction } from '@/lib/actions/validated';
import { retryJobSchema, runJobNowSchema } from '@/lib/jobs/schemas';
import { retryFailedJob, runScheduledJobNow } from '@/lib/jobs/staff-console';
import { revalidatePath } from 'next/cache';

// Staff only: userAction('staff', …) checks the session and the role on every call.
export const retryJobAction = userAction('staff', retryJobSchema, async (input, staff) => {
  const result = await retryFailedJob(staff, input);
  if (result.ok) revalidatePath('/admin/jobs');
  return result;
});

export const runJobNowAction = userAction('staff', runJobNowSchema, async (input, staff) => {
  const result = await runScheduledJobNow(staff, input);
  if (result.ok) revalidatePath('/admin/jobs');
  return result;
});
