'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { requestContext } from '@/lib/http/request-context';
import { servicesChanged } from '@/lib/content/revalidate';
import { recordBankPayment } from '@/lib/services/bank-payment';
import { addService, changeServicePrice, retireService } from '@/lib/services/catalogue';
import {
  addServiceSchema,
  bankPaymentSchema,
  changePriceSchema,
  completeSchema,
  quoteSchema,
  retireServiceSchema,
  scheduleSchema,
  staffCancelSchema,
} from '@/lib/services/schemas';
import { moscowInstant } from '@/lib/services/staff';
import { cancelRequest, completeRequest, confirmPrice, scheduleVisit } from '@/lib/services/workflow';

// Staff only: userAction('staff', …) checks the session and the role on every call.
const back = (id: string, done: string): never => redirect(`/admin/services/${id}?done=${done}`);

export const confirmPriceAction = userAction('staff', quoteSchema, async (input, staff) => {
  const result = await confirmPrice(staff, input, await requestContext());
  if (!result.ok) return result;
  return back(input.requestId, 'price');
});

export const scheduleAction = userAction('staff', scheduleSchema, async (input, staff) => {
  const result = await scheduleVisit(
    staff,
    { requestId: input.requestId, at: moscowInstant(input.day, input.time), crew: input.crew },
    await requestContext(),
  );
  if (!result.ok) return result;
  return back(input.requestId, 'scheduled');
});

export const completeAction = userAction('staff', completeSchema, async (input, staff) => {
  const result = await completeRequest(staff, input, await requestContext());
  if (!result.ok) return result;
  return back(input.requestId, 'done');
});

export const bankPaymentAction = userAction('staff', bankPaymentSchema, async (input, staff) => {
  const result = await recordBankPayment(staff, input, await requestContext());
  if (!result.ok) return result;
  return back(input.requestId, 'bank');
});

export const staffCancelAction = userAction('staff', staffCancelSchema, async (input, staff) => {
  const result = await cancelRequest({ by: 'staff', userId: staff.id }, input, await requestContext());
  if (!result.ok) return result;
  return back(input.requestId, 'cancelled');
});

const toCatalogue = (done: string): never => redirect(`/admin/services/catalogue?done=${done}`);

export const addServiceAction = userAction('staff', addServiceSchema, async (input, staff) => {
  const result = await addService(staff, input, await requestContext());
  if (!result.ok) return result;
  servicesChanged();
  return toCatalogue('added');
});

export const changePriceAction = userAction('staff', changePriceSchema, async (input, staff) => {
  const result = await changeServicePrice(staff, input, await requestContext());
  if (!result.ok) return result;
  servicesChanged();
  return toCatalogue('price');
});

export const retireServiceAction = userAction('staff', retireServiceSchema, async (input, staff) => {
  const result = await retireService(staff, input.serviceId, await requestContext());
  if (!result.ok) return result;
  servicesChanged();
  return toCatalogue('retired');
});
