'use client';

/**
 * <ActionForm>: one zod schema, one Server Action, a form that works with and without JavaScript.
 * The form lives in a Client Component file, the schema in a plain module (a 'use server' file
 * exports only async functions) that the form names lazily, so zod is fetched after the page:
 *
 *   // app/fiz/login/schema.ts
 *   export const loginSchema = z.object({ login: requiredText('Номер абонента или e-mail'), password: currentPassword, remember: checkbox });
 *   // app/fiz/login/actions.ts — 'use server'
 *   export const login = validatedAction(loginSchema, async (input) => { … fail('Неверный номер абонента или пароль') / redirect('/fiz') });
 *   // app/fiz/login/login-form.tsx — 'use client'
 *   const loginSchema = lazySchema(() => import('./schema'), 'loginSchema');
 *   <ActionForm schema={loginSchema} action={login} defaultValues={{ login: '', password: '', remember: false }}>
 *     <TextField name="login" label="Номер абонента или e-mail" autoComplete="username" required />
 *     <PasswordField name="password" label="Пароль" autoComplete="current-password" required />
 *     <CheckboxField name="remember" label="Запомнить меня на этом устройстве" />
 *     <SubmitButton pendingLabel="Входим…">Войти</SubmitButton>
 *   </ActionForm>
 *
 * Field `name`s must equal the schema keys (they are both the FormData keys and the `fieldErrors`
 * keys). `children` may be a function `(api) => …` to read `api.state`, `api.form.watch`, etc.;
 * nested components can call `useOptionalFormApi()` instead.
 */

import { useEffect, useRef, type ReactNode } from 'react';
import type { ActionResult, ActionSuccess, FormAction } from '@/lib/actions/result';
import { FormAlert } from './form-alert';
import { FormApiContext } from './form-context';
import type { LazySchema } from './lazy-schema';
import { useActionForm, type ActionFormApi, type FormSchema, type UseActionFormOptions } from './use-action-form';

export type ActionFormProps<TSchema extends FormSchema, TData extends object = object> = UseActionFormOptions<
  TSchema,
  TData
> & {
  /** The form's schema, fetched after the page (components/forms/lazy-schema.ts). */
  schema: LazySchema<TSchema>;
  action: FormAction<TData>;
  children: ReactNode | ((api: ActionFormApi<TSchema, TData>) => ReactNode);
  /** Classes of the `<form>`; default stacks the fields with a gap. */
  className?: string;
  /** Shown instead of the form after a successful result (e.g. «Письмо отправлено, проверьте почту»). */
  successContent?: (result: ActionSuccess<TData>) => ReactNode;
  /** Skip the browser's own validation bubbles (the zod messages are shown instead). Default true. */
  noValidate?: boolean;
  'aria-label'?: string;
  'aria-labelledby'?: string;
};

export function ActionForm<TSchema extends FormSchema, TData extends object = object>({
  schema,
  action,
  children,
  className = 'grid gap-5',
  successContent,
  noValidate = true,
  defaultValues,
  onSuccess,
  resetOnSuccess,
  permalink,
  id,
  'aria-label': ariaLabel,
  'aria-labelledby': ariaLabelledBy,
}: ActionFormProps<TSchema, TData>) {
  const api = useActionForm(schema, action, { defaultValues, onSuccess, resetOnSuccess, permalink, id });
  const { state } = api;
  const content = typeof children === 'function' ? children(api) : children;

  return (
    <FormApiContext value={api as unknown as ActionFormApi}>
      {state?.ok && successContent ? (
        <SuccessPanel focusKey={state}>
          {state.message ? (
            <p className="mb-4 rounded-lg border border-green-200 bg-green-50 px-4 py-3 font-medium text-green-900">
              {state.message}
            </p>
          ) : null}
          {successContent(state)}
        </SuccessPanel>
      ) : (
        <form
          action={api.formAction}
          onSubmit={api.onSubmit}
          noValidate={noValidate}
          className={className}
          id={id}
          aria-label={ariaLabel}
          aria-labelledby={ariaLabelledBy}
        >
          {state?.message ? (
            <FormAlert tone={state.ok ? 'success' : 'error'} message={state.message} focusKey={state}>
              {formLevelError(state)}
            </FormAlert>
          ) : null}
          {content}
        </form>
      )}
    </FormApiContext>
  );
}

/** A failure's `_form` entry (zod issues with an empty path, see lib/validation/form-data.ts), if it adds anything. */
function formLevelError(state: ActionResult<object>): string | undefined {
  if (state.ok) return undefined;
  const extra = state.fieldErrors._form;
  return extra && extra !== state.message ? extra : undefined;
}

/** The success view replacing the form: focused so the confirmation is read out. */
function SuccessPanel({ children, focusKey }: { children: ReactNode; focusKey: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <div ref={ref} role="status" tabIndex={-1}>
      {children}
    </div>
  );
}
