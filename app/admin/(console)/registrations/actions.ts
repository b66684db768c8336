'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import * as approval from '@/lib/auth/approval';
import { decisionSchema } from '@/lib/auth/schemas';
import { requestContext } from '@/lib/http/request-context';

export const decideRegistration = userAction('staff', decisionSchema, async (input, staff) => {
  const result = await approval.decideRegistration(input, staff, await requestContext());
  if (!result.ok) return result;
  // The decided application leaves the list, so the outcome is shown at the top of the page.
  redirect(`/admin/registrations?decided=${input.userId}`);
});
