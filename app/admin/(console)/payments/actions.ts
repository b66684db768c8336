'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { requestContext } from '@/lib/http/request-context';
import { refundPayment } from '@/lib/payments/refund';
import { refundSchema } from '@/lib/payments/refund-schema';

// Staff only: userAction('staff', …) checks the session and the role on every call.
export const refundAction = userAction('staff', refundSchema, async (input, staff) => {
  const result = await refundPayment(staff, input, await requestContext());
  if (!result.ok) return result;
  redirect(`/admin/payments/${input.paymentId}?refunded=${result.refundId}`);
});
