'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import * as meterRequests from '@/lib/meters/requests';
import { confirmMeterSchema, registerValues, rejectMeterSchema } from '@/lib/meters/schemas';

// The decided request leaves the queue, so the outcome is shown at the top of the page.

export const confirmMeter = userAction('staff', confirmMeterSchema, async (input, staff) => {
  const result = await meterRequests.confirmMeter(staff, {
    meterId: input.meterId,
    verificationDue: input.verificationDue,
    initial: registerValues(input),
  });
  if (!result.ok) return result;
  redirect(`/admin/meters?confirmed=${input.meterId}`);
});

export const rejectMeter = userAction('staff', rejectMeterSchema, async (input, staff) => {
  const result = await meterRequests.rejectMeter(staff, input);
  if (!result.ok) return result;
  redirect(`/admin/meters?rejected=${input.meterId}`);
});
