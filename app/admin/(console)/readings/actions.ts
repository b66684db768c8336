'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { registerValues, staffReadingSchema } from '@/lib/meters/schemas';
import { readingsListParams } from '@/lib/readings/overview-params';
import { enterStaffReading } from '@/lib/readings/staff-entry';

export const enterReading = userAction('staff', staffReadingSchema, async (input, staff) => {
  const result = await enterStaffReading(staff, {
    meterId: input.meterId,
    period: input.period,
    values: registerValues(input),
    confirmImplausible: input.confirmImplausible,
  });
  if (!result.ok) return result;
  // Back to the same list (a «missing» filter no longer shows the row): the outcome is said at the top.
  redirect(
    readingsListParams.href({
      period: input.period,
      status: input.filter,
      page: input.page,
      q: input.q,
      entered: input.meterId,
    }),
  );
});
