'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { addApplicationDocument, createApplication, returnToReview } from '@/lib/applications/applications';
import { applicationActionSchema, applicationSchema, uploadDocumentSchema } from '@/lib/applications/schemas';
import { companyAction } from '@/lib/company/action';
import { requestContext } from '@/lib/http/request-context';

// companyAction: the session, the role (the owner signs for the company), then the company-scoped
// domain function, which finds only this company's applications.

export const submitApplication = companyAction('applications', applicationSchema, async (input, member) => {
  const result = await createApplication(member, input, await requestContext());
  if (!result.ok) return result;
  redirect(`/lk/applications/${result.applicationId}?created=1`);
});

export const uploadApplicationDocument = companyAction('applications', uploadDocumentSchema, async (input, member) => {
  const result = await addApplicationDocument(member, input, await requestContext());
  if (result.ok) revalidatePath(`/lk/applications/${input.applicationId}`);
  return result;
});

export const resubmitApplication = companyAction('applications', applicationActionSchema, async (input, member) => {
  const result = await returnToReview(member, input.applicationId, await requestContext());
  if (result.ok) revalidatePath(`/lk/applications/${input.applicationId}`);
  return result;
});
