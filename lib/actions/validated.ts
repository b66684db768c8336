import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { canAccessAccount, requireUser, type SessionUser } from '@/lib/auth/session';
import type { LoginDoor } from '@/lib/auth/login-doors';
import { fieldErrorsOf, formDataToObject, unstorableFieldErrors } from '@/lib/validation/form-data';
import { type ActionResult, fail, type FormAction } from './result';
import { requestLog } from '@/lib/http/request-log';
import { describeError } from '@/lib/log';

export const INVALID_FORM = 'Проверьте выделенные поля';
const UNEXPECTED = 'Не получилось выполнить действие. Ничего не сохранено — попробуйте ещё раз через минуту.';

async function guarded<T extends object>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (error) {
    // redirect()/notFound() travel as exceptions and must reach Next.js untouched.
    unstable_rethrow(error);
    (await requestLog()).error({ error: describeError(error) }, 'action.failed');
    return fail(UNEXPECTED);
  }
}

/** Parse with the form's own zod schema, then run; nothing runs on invalid input. */
export function validatedAction<S extends z.ZodType, T extends object>(
  schema: S,
  run: (input: z.output<S>, formData: FormData) => Promise<ActionResult<T>>,
): FormAction<T> {
  return async (_prev, formData) => {
    if (!(formData instanceof FormData)) return fail(INVALID_FORM);
    const parsed = await schema.safeParseAsync(formDataToObject(formData));
    if (!parsed.success) return fail(INVALID_FORM, fieldErrorsOf(parsed.error));
    const unstorable = unstorableFieldErrors(parsed.data);
    if (Object.keys(unstorable).length) return fail(INVALID_FORM, unstorable);
    return guarded(() => run(parsed.data, formData));
  };
}

/**
 * validatedAction plus the session (a redirect to the door's login page when absent) and, when
 * the input names an `accountId`, proof that the account belongs to this user.
 */
export function userAction<S extends z.ZodType, T extends object>(
  door: LoginDoor,
  schema: S,
  run: (input: z.output<S>, user: SessionUser, formData: FormData) => Promise<ActionResult<T>>,
): FormAction<T> {
  // The session and ownership reads are guarded too: with the database away the user gets the
  // typed failure, not an error page.
  return async (_prev, formData) =>
    guarded(async () => {
      const user = await requireUser(door);
      if (!(formData instanceof FormData)) return fail(INVALID_FORM);
      const parsed = await schema.safeParseAsync(formDataToObject(formData));
      if (!parsed.success) return fail(INVALID_FORM, fieldErrorsOf(parsed.error));
      const unstorable = unstorableFieldErrors(parsed.data);
      if (Object.keys(unstorable).length) return fail(INVALID_FORM, unstorable);
      const input = parsed.data as z.output<S> & { accountId?: unknown };
      if (
        input.accountId !== undefined &&
        (typeof input.accountId !== 'string' || !(await canAccessAccount(user, input.accountId)))
      ) {
        return fail('Лицевой счёт не найден среди ваших', { accountId: 'Выберите один из своих лицевых счетов' });
      }
      return run(parsed.data, user, formData);
    });
}
