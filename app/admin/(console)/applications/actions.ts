'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import {
  applicationActionSchema,
  offerContractSchema,
  refuseApplicationSchema,
  requestDocumentsSchema,
} from '@/lib/applications/schemas';
import { moveApplication } from '@/lib/applications/staff';
import { requestContext } from '@/lib/http/request-context';

// Staff only: userAction('staff', …) checks the session and the role on every call; each move is
// audited with the staff member inside moveApplication's transaction.
const back = (id: string, done: string): never => redirect(`/admin/applications/${id}?done=${done}`);

export const takeIntoReview = userAction('staff', applicationActionSchema, async (input, staff) => {
  const result = await moveApplication(staff, input.applicationId, { to: 'in_review' }, await requestContext());
  if (!result.ok) return result;
  return back(input.applicationId, 'in_review');
});

export const requestDocuments = userAction('staff', requestDocumentsSchema, async (input, staff) => {
  const result = await moveApplication(
    staff,
    input.applicationId,
    { to: 'documents_requested', message: input.message },
    await requestContext(),
  );
  if (!result.ok) return result;
  return back(input.applicationId, 'documents_requested');
});

export const offerContract = userAction('staff', offerContractSchema, async (input, staff) => {
  const result = await moveApplication(
    staff,
    input.applicationId,
    { to: 'contract_offered', contractNumber: input.contractNumber, note: input.note },
    await requestContext(),
  );
  if (!result.ok) return result;
  return back(input.applicationId, 'contract_offered');
});

export const markSigned = userAction('staff', applicationActionSchema, async (input, staff) => {
  const result = await moveApplication(staff, input.applicationId, { to: 'signed' }, await requestContext());
  if (!result.ok) return result;
  return back(input.applicationId, 'signed');
});

export const refuseApplication = userAction('staff', refuseApplicationSchema, async (input, staff) => {
  const result = await moveApplication(
    staff,
    input.applicationId,
    { to: 'refused', reason: input.reason },
    await requestContext(),
  );
  if (!result.ok) return result;
  return back(input.applicationId, 'refused');
});
