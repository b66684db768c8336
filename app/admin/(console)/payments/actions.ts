'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { requestContext } from '@/lib/http/request-context';
import { approveRefundRequest, declineRefundRequest, refundOrRequestApproval } from '@/lib/payments/refund-approval';
import { refundDecisionSchema, refundSchema } from '@/lib/payments/refund-schema';

// Staff only: userAction('staff', …) checks the session and the role on every call.
export const refundPayment = userAction('staff', refundSchema, async (input, staff) => {
  const result = await refundOrRequestApproval(staff, input, await requestContext());
  if (!result.ok) return result;
  redirect(
    result.refundId
      ? `/admin/payments/${input.paymentId}?refunded=${result.refundId}`
      : `/admin/payments/${input.paymentId}?requested=${result.requestId}`,
  );
});

/** A second staff member approves or declines a large refund (never the one who asked for it). */
export const decideRefund = userAction('staff', refundDecisionSchema, async (input, staff) => {
  const context = await requestContext();
  if (input.decision === 'decline') {
    const result = await declineRefundRequest(staff, input.requestId, context);
    if (!result.ok) return result;
    redirect(`/admin/payments/${result.paymentId}?declined=1`);
  }
  const result = await approveRefundRequest(staff, input.requestId, context);
  if (!result.ok) return result;
  redirect(`/admin/payments/${result.paymentId}?refunded=${result.refundId}`);
});
