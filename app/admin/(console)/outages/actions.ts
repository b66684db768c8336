'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { outageEstimateSchema, outageIdSchema, outageSchema } from '@/lib/content/outage-schema';
import { createOutage, moveOutageEnd, resolveOutage } from '@/lib/content/outages-admin';
import { outagesChanged } from '@/lib/content/revalidate';

export const publishOutage = userAction('staff', outageSchema, async (input, staff) => {
  const result = await createOutage(staff, input);
  if (!result.ok) return result;
  outagesChanged();
  redirect(`/admin/outages?published=${result.id}`);
});

export const resolveOutageNow = userAction('staff', outageIdSchema, async (input, staff) => {
  const result = await resolveOutage(staff, input.id);
  if (!result.ok) return result;
  outagesChanged();
  redirect(`/admin/outages?resolved=${input.id}`);
});

export const moveOutageEstimate = userAction('staff', outageEstimateSchema, async (input, staff) => {
  const result = await moveOutageEnd(staff, input.id, input.endsAt);
  if (!result.ok) return result;
  outagesChanged();
  redirect(`/admin/outages?moved=${input.id}`);
});
