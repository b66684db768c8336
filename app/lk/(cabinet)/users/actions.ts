'use server';

import { revalidatePath } from 'next/cache';
import { fail } from '@/lib/actions/result';
import { companyAction } from '@/lib/company/action';
import { changeMemberRole, inviteMember, removeMember } from '@/lib/company/members';
import { changeRoleSchema, inviteMemberSchema, removeMemberSchema } from '@/lib/company/schemas';
import { requestContext } from '@/lib/http/request-context';

export const invite = companyAction('users', inviteMemberSchema, async (input, member) => {
  const outcome = await inviteMember(member, input, await requestContext());
  if (!outcome.ok) return fail(outcome.message, outcome.field ? { [outcome.field]: outcome.message } : {});
  revalidatePath('/lk/users');
  return { ok: true, message: outcome.message };
});

export const changeRole = companyAction('users', changeRoleSchema, async (input, member) => {
  const outcome = await changeMemberRole(member, input, await requestContext());
  if (!outcome.ok) return fail(outcome.message);
  revalidatePath('/lk/users');
  return { ok: true, message: outcome.message };
});

export const remove = companyAction('users', removeMemberSchema, async (input, member) => {
  const outcome = await removeMember(member, input, await requestContext());
  if (!outcome.ok) return fail(outcome.message);
  revalidatePath('/lk/users');
  return { ok: true, message: outcome.message };
});
