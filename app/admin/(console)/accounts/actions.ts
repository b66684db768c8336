'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { decideAdjustment, postOrRequestAdjustment } from '@/lib/accounts/adjustments';
import { correctAccountContacts } from '@/lib/accounts/contacts-correction';
import { setAccountGisIds } from '@/lib/accounts/gis-ids';
import { addAccountNote } from '@/lib/accounts/notes';
import {
  accountContactsSchema,
  accountGisIdsSchema,
  accountNoteSchema,
  accountTermsSchema,
  adjustmentDecisionSchema,
  adjustmentSchema,
} from '@/lib/accounts/registry-schemas';
import { changeAccountTerms } from '@/lib/accounts/terms';
import { requestContext } from '@/lib/http/request-context';

// Staff only: userAction('staff', …) checks the session and the role on every call; the lib
// functions check again and work in one transaction each. A success reloads the card with a notice.

const card = (accountId: string, done: string) => `/admin/accounts/${accountId}?done=${done}`;

export const saveAccountContacts = userAction('staff', accountContactsSchema, async (input, staff) => {
  const result = await correctAccountContacts(staff, input, await requestContext());
  if (!result.ok) return result;
  redirect(card(input.account, 'contacts'));
});

export const saveAccountGisIds = userAction('staff', accountGisIdsSchema, async (input, staff) => {
  const result = await setAccountGisIds(staff, input, await requestContext());
  if (!result.ok) return result;
  redirect(card(input.account, 'gis-ids'));
});

export const saveAccountTerms = userAction('staff', accountTermsSchema, async (input, staff) => {
  const result = await changeAccountTerms(staff, input, await requestContext());
  if (!result.ok) return result;
  redirect(card(input.account, 'terms'));
});

export const saveAdjustment = userAction('staff', adjustmentSchema, async (input, staff) => {
  const result = await postOrRequestAdjustment(staff, input, await requestContext());
  if (!result.ok) return result;
  redirect(card(input.account, result.posted ? 'adjusted' : 'adjustment-requested'));
});

export const decideAccountAdjustment = userAction('staff', adjustmentDecisionSchema, async (input, staff) => {
  const result = await decideAdjustment(staff, input, await requestContext());
  if (!result.ok) return result;
  redirect(card(result.accountId, input.decision === 'approve' ? 'adjustment-approved' : 'adjustment-declined'));
});

export const saveAccountNote = userAction('staff', accountNoteSchema, async (input, staff) => {
  const result = await addAccountNote(staff, input, await requestContext());
  if (!result.ok) return result;
  redirect(card(input.account, 'note'));
});
