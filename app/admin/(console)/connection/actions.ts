'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { addRate } from '@/lib/connection/rates';
import {
  postOfferSchema,
  rateSchema,
  requestDataSchema,
  staffCancelSchema,
  staffNoteSchema,
  sweepSchema,
} from '@/lib/connection/schemas';
import {
  cancelApplication,
  cancelOverdue,
  completeApplication,
  markWorksDone,
  postAct,
  postOffer,
  requestData,
} from '@/lib/connection/workflow';
import { requestContext } from '@/lib/http/request-context';

// Staff only: userAction('staff', …) checks the session and the role on every call; every step
// is audited by lib/connection.
const back = (id: string, done: string): never => redirect(`/admin/connection/${id}?done=${done}`);

export const requestDataAction = userAction('staff', requestDataSchema, async (input, staff) => {
  const result = await requestData(staff, input, await requestContext());
  return result.ok ? back(input.applicationId, 'data') : result;
});

export const postOfferAction = userAction('staff', postOfferSchema, async (input, staff) => {
  const result = await postOffer(staff, input, await requestContext());
  return result.ok ? back(input.applicationId, 'offer') : result;
});

export const worksDoneAction = userAction('staff', staffNoteSchema, async (input, staff) => {
  const result = await markWorksDone(staff, input, await requestContext());
  return result.ok ? back(input.applicationId, 'works') : result;
});

export const postActAction = userAction('staff', staffNoteSchema, async (input, staff) => {
  const result = await postAct(staff, input, await requestContext());
  return result.ok ? back(input.applicationId, 'act') : result;
});

export const completeAction = userAction('staff', staffNoteSchema, async (input, staff) => {
  const result = await completeApplication(staff, input, await requestContext());
  return result.ok ? back(input.applicationId, 'done') : result;
});

export const staffCancelAction = userAction('staff', staffCancelSchema, async (input, staff) => {
  const result = await cancelApplication({ by: 'staff', userId: staff.id }, input, await requestContext());
  return result.ok ? back(input.applicationId, 'cancelled') : result;
});

export const sweepAction = userAction('staff', sweepSchema, async () => {
  const { cancelled } = await cancelOverdue(await requestContext());
  redirect(`/admin/connection?swept=${cancelled.length}`);
});

export const addRateAction = userAction('staff', rateSchema, async (input, staff) => {
  const result = await addRate(staff, input, await requestContext());
  if (!result.ok) return result;
  redirect('/admin/connection/rates?added=1');
});
