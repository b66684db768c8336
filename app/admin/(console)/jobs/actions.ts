'use server';

import { userAction } from '@/lib/actions/validated';
import { retryJobSchema } from '@/lib/jobs/schemas';
import { retryFailedJob } from '@/lib/jobs/staff-console';
import { revalidatePath } from 'next/cache';

// Staff only: userAction('staff', …) checks the session and the role on every call.
export const retryJobAction = userAction('staff', retryJobSchema, async (input, staff) => {
  const result = await retryFailedJob(staff, input);
  if (result.ok) revalidatePath('/admin/jobs');
  return result;
});
