'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { appOrigin } from '@/lib/http/app-url';
import { clientIp } from '@/lib/http/client-ip';
import { approveRefundRequest, declineRefundRequest, refundOrRequestApproval } from '@/lib/payments/refund-approval';
import { refundDecisionSchema, refundSchema } from '@/lib/payments/refund-schema';

async function refundContext() {
  return { ip: clientIp(await headers()), origin: await appOrigin() };
}

// Staff only: userAction('staff', …) checks the session and the role on every call.
export const refundAction = userAction('staff', refundSchema, async (input, staff) => {
  const result = await refundOrRequestApproval(staff, input, await refundContext());
  if (!result.ok) return result;
  redirect(
    result.refundId
      ? `/admin/payments/${input.paymentId}?refunded=${result.refundId}`
      : `/admin/payments/${input.paymentId}?requested=${result.requestId}`,
  );
});

/** A second staff member approves or declines a large refund (never the one who asked for it). */
export const decideRefundAction = userAction('staff', refundDecisionSchema, async (input, staff) => {
  const context = await refundContext();
  if (input.decision === 'decline') {
    const result = await declineRefundRequest(staff, input.requestId, context);
    if (!result.ok) return result;
    redirect(`/admin/payments/${result.paymentId}?declined=1`);
  }
  const result = await approveRefundRequest(staff, input.requestId, context);
  if (!result.ok) return result;
  redirect(`/admin/payments/${result.paymentId}?refunded=${result.refundId}`);
});
