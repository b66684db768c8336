'use server';

import { redirect } from 'next/navigation';
import { fail } from '@/lib/actions/result';
import { validatedAction } from '@/lib/actions/validated';
import { loginSchema } from '@/lib/auth/schemas';
import { signInAt } from '@/lib/auth/sign-in';
import { acceptInvitation } from '@/lib/company/members';
import { acceptInviteSchema } from '@/lib/company/schemas';
import { requestContext } from '@/lib/http/request-context';

export const loginCompany = validatedAction(loginSchema, (input) => signInAt('company', input));

export const acceptInvite = validatedAction(acceptInviteSchema, async (input) => {
  const outcome = await acceptInvitation(input, await requestContext());
  if (!outcome.ok) {
    return fail('Ссылка устарела или уже использована. Попросите владельца кабинета организации пригласить вас снова.');
  }
  redirect('/lk/login?invited=1');
});
