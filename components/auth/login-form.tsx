'use client';

import { ActionForm, PasswordField, SubmitButton, TextField } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { loginSchema } from '@/lib/auth/schemas';

export function LoginForm({
  action,
  loginLabel,
  loginHint,
  next,
}: {
  action: FormAction;
  loginLabel: string;
  loginHint?: string;
  next?: string;
}) {
  return (
    <ActionForm
      schema={loginSchema}
      action={action}
      defaultValues={{ login: '', password: '', next: next ?? '' }}
      className="space-y-4"
    >
      <input type="hidden" name="next" value={next ?? ''} />
      <TextField name="login" label={loginLabel} hint={loginHint} autoComplete="username" required />
      <PasswordField name="password" label="Пароль" autoComplete="current-password" required />
      <SubmitButton pendingLabel="Входим…">Войти</SubmitButton>
    </ActionForm>
  );
}
