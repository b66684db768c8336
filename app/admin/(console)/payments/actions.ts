'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { appOrigin } from '@/lib/http/app-url';
import { clientIp } from '@/lib/http/client-ip';
import * as refunds from '@/lib/payments/refund';
import { refundSchema } from '@/lib/payments/refund-schema';

// Staff only: userAction('staff', …) checks the session and the role on every call.
export const refundPayment = userAction('staff', refundSchema, async (input, staff) => {
  const result = await refunds.refundPayment(staff, input, {
    ip: clientIp(await headers()),
    origin: await appOrigin(),
  });
  if (!result.ok) return result;
  redirect(`/admin/payments/${input.paymentId}?refunded=${result.refundId}`);
});
