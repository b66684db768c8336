'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { replaceMeter } from '@/lib/meters/replacement';
import * as meterRequests from '@/lib/meters/requests';
import {
  confirmMeterSchema,
  finalRegisterValues,
  registerValues,
  rejectMeterSchema,
  staffReplacementSchema,
} from '@/lib/meters/schemas';

// The decided request leaves the queue, so the outcome is shown at the top of the page.

export const confirmMeter = userAction('staff', confirmMeterSchema, async (input, staff) => {
  const result = await meterRequests.confirmMeter(staff, {
    meterId: input.meterId,
    verificationDue: input.verificationDue,
    initial: registerValues(input),
    final: finalRegisterValues(input),
  });
  if (!result.ok) return result;
  redirect(`/admin/meters?confirmed=${input.meterId}`);
});

export const rejectMeter = userAction('staff', rejectMeterSchema, async (input, staff) => {
  const result = await meterRequests.rejectMeter(staff, input);
  if (!result.ok) return result;
  redirect(`/admin/meters?rejected=${input.meterId}`);
});

export const recordReplacement = userAction('staff', staffReplacementSchema, async (input, staff) => {
  const result = await replaceMeter(staff, {
    oldMeterId: input.oldMeterId,
    serialNumber: input.serialNumber,
    model: input.model,
    zonePlan: input.zonePlan,
    installedAt: input.installedAt,
    verificationDue: input.verificationDue,
    final: finalRegisterValues(input),
    initial: registerValues(input),
  });
  if (!result.ok) return result;
  redirect(`/admin/meters?replaced=${result.meterId}`);
});
