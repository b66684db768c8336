'use server';

import { redirect } from 'next/navigation';
import { validatedAction } from '@/lib/actions/validated';
import { fail } from '@/lib/actions/result';
import { confirmRegistrationEmail, registerHousehold } from '@/lib/auth/registration';
import { confirmEmailChange } from '@/lib/auth/profile';
import { completePasswordReset, requestPasswordReset, RESET_REQUESTED_MESSAGE } from '@/lib/auth/recovery';
import {
  householdLoginSchema,
  registrationSchema,
  resetCompleteSchema,
  resetRequestSchema,
  linkTokenSchema,
} from '@/lib/auth/schemas';
import { signInAt } from '@/lib/auth/sign-in';
import { requestContext } from '@/lib/http/request-context';

export const loginHousehold = validatedAction(householdLoginSchema, (input) => signInAt('household', input));

export const register = validatedAction(registrationSchema, async (input) => {
  const result = await registerHousehold(input, await requestContext());
  if (!result.ok) return result;
  redirect('/fiz/register/sent');
});

export const confirmRegistration = validatedAction(linkTokenSchema, async ({ token }) => {
  const outcome = await confirmRegistrationEmail(token, await requestContext());
  if (outcome === 'invalid') {
    return fail(
      'Ссылка устарела или уже использована. Если вы уже подтвердили адрес, дождитесь письма о решении по заявке.',
    );
  }
  redirect('/fiz/register/confirmed');
});

export const requestReset = validatedAction(resetRequestSchema, async ({ email }) => {
  await requestPasswordReset(email, await requestContext());
  return { ok: true, message: RESET_REQUESTED_MESSAGE };
});

export const completeReset = validatedAction(resetCompleteSchema, async (input) => {
  const outcome = await completePasswordReset(input.token, input.password, await requestContext());
  if (!outcome.ok) {
    return fail('Ссылка устарела или уже использована. Запросите новую — она придёт на почту.');
  }
  redirect('/fiz/login?reset=1');
});

export const confirmNewEmail = validatedAction(linkTokenSchema, async ({ token }) => {
  const outcome = await confirmEmailChange(token, await requestContext());
  if (!outcome.ok) {
    return fail(
      outcome.reason === 'taken'
        ? 'Этот адрес уже используется другой учётной записью. Укажите в профиле другой адрес.'
        : 'Ссылка устарела или уже использована. Запросите смену адреса в профиле ещё раз.',
    );
  }
  return { ok: true, message: `Готово: теперь для входа используется ${outcome.email}.` };
});
