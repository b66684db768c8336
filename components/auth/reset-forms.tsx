'use client';

import { ActionForm, PasswordField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { PASSWORD_MIN } from '@/lib/validation/password-length';
import { PasswordStrength } from './password-strength';

const resetCompleteSchema = lazySchema(() => import('@/lib/auth/schemas'), 'resetCompleteSchema');
const resetRequestSchema = lazySchema(() => import('@/lib/auth/schemas'), 'resetRequestSchema');

export function ResetRequestForm({ action }: { action: FormAction }) {
  return (
    <ActionForm schema={resetRequestSchema} action={action} defaultValues={{ email: '' }} className="space-y-4">
      <TextField
        name="email"
        type="email"
        label="Электронная почта, указанная при регистрации"
        autoComplete="email"
        required
      />
      <SubmitButton pendingLabel="Отправляем…">Сбросить пароль</SubmitButton>
    </ActionForm>
  );
}

export function NewPasswordForm({ action, token }: { action: FormAction; token: string }) {
  return (
    <ActionForm
      schema={resetCompleteSchema}
      action={action}
      defaultValues={{ token, password: '', passwordConfirm: '' }}
      className="space-y-4"
    >
      <input type="hidden" name="token" value={token} />
      <PasswordField
        name="password"
        label="Новый пароль"
        hint={`Не короче ${PASSWORD_MIN} символов`}
        autoComplete="new-password"
        required
      />
      <PasswordStrength />
      <PasswordField name="passwordConfirm" label="Новый пароль ещё раз" autoComplete="new-password" required />
      <SubmitButton pendingLabel="Сохраняем…">Сохранить пароль</SubmitButton>
    </ActionForm>
  );
}
