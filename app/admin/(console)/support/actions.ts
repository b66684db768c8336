'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { requestContext } from '@/lib/http/request-context';
import {
  appealTemplateSchema,
  assignAppealSchema,
  deleteTemplateSchema,
  staffAnswerSchema,
  staffNoteSchema,
  topicDeadlineSchema,
} from '@/lib/support/appeal-schemas';
import {
  addInternalNote,
  answerAppeal,
  assignAppeal,
  deleteTemplate,
  saveTemplate,
  saveTopicDeadline,
} from '@/lib/support/appeals-staff';

// Staff only: userAction('staff', …) checks the session and the role on every call; lib/support audits each step.
const back = (id: string, done: string): never => redirect(`/admin/support/${id}?done=${done}`);

export const assignAppealAction = userAction('staff', assignAppealSchema, async (input, staff) => {
  const result = await assignAppeal(staff, input, await requestContext());
  return result.ok ? back(input.appealId, 'assigned') : result;
});

export const answerAppealAction = userAction('staff', staffAnswerSchema, async (input, staff) => {
  const result = await answerAppeal(staff, input, await requestContext());
  return result.ok ? back(input.appealId, 'answered') : result;
});

export const noteAppealAction = userAction('staff', staffNoteSchema, async (input, staff) => {
  const result = await addInternalNote(staff, input, await requestContext());
  return result.ok ? back(input.appealId, 'noted') : result;
});

export const saveAppealTemplate = userAction('staff', appealTemplateSchema, async (input, staff) => {
  const result = await saveTemplate(staff, input, await requestContext());
  if (!result.ok) return result;
  redirect('/admin/support/settings?saved=1');
});

export const deleteAppealTemplate = userAction('staff', deleteTemplateSchema, async (input, staff) => {
  const result = await deleteTemplate(staff, input, await requestContext());
  if (!result.ok) return result;
  redirect('/admin/support/settings?deleted=1');
});

export const saveAppealDeadline = userAction('staff', topicDeadlineSchema, async (input, staff) => {
  const result = await saveTopicDeadline(staff, input, await requestContext());
  if (!result.ok) return result;
  redirect('/admin/support/settings?saved=1');
});
