'use server';

import { linkTokenSchema } from '@/lib/auth/schemas';
import { redirect } from 'next/navigation';
import { fail } from '@/lib/actions/result';
import { validatedAction } from '@/lib/actions/validated';
import { confirmCompanyEmail, registerCompany } from '@/lib/applications/registration';
import { companyRegistrationSchema } from '@/lib/applications/schemas';
import { requestContext } from '@/lib/http/request-context';

export const registerNewCompany = validatedAction(companyRegistrationSchema, async (input) => {
  const result = await registerCompany(input, await requestContext());
  if (!result.ok) return result;
  redirect('/lk/register/sent');
});

export const confirmNewCompany = validatedAction(linkTokenSchema, async ({ token }) => {
  const outcome = await confirmCompanyEmail(token, await requestContext());
  if (outcome === 'invalid') return fail('Ссылка устарела или уже использована. Если адрес уже подтверждён — войдите.');
  redirect('/lk/login?confirmed=1');
});
