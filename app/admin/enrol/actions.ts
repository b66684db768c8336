'use server';

import { fail } from '@/lib/actions/result';
import { validatedAction } from '@/lib/actions/validated';
import { canUseDoor, currentSession } from '@/lib/auth/session';
import { enrolSchema } from '@/lib/auth/schemas';
import { confirmEnrolment } from '@/lib/auth/staff-factor';
import { requestContext } from '@/lib/http/request-context';

/** The first code from the app: confirms the factor and answers with the recovery codes, once. */
export const enrolSecondFactor = validatedAction(enrolSchema, async (input) => {
  const current = await currentSession();
  if (!current || !canUseDoor(current.user, 'staff') || current.session.door !== 'staff') {
    return fail('Сессия закончилась. Войдите заново.');
  }
  if (current.session.secondFactorAt) return fail('Второй фактор уже подключён');
  return confirmEnrolment(current.user, current.session.id, input.code, await requestContext());
});
