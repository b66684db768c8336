'use client';

import { ActionForm, CheckboxField, lazySchema, PasswordField, SubmitButton, TextField } from '@/components/forms';
import type { FormSchema, LazySchema } from '@/components/forms/lazy-schema';
import type { FormAction } from '@/lib/actions/result';

const schemas = {
  plain: lazySchema(() => import('@/lib/auth/schemas'), 'loginSchema'),
  remember: lazySchema(() => import('@/lib/auth/schemas'), 'householdLoginSchema'),
  'second-factor': lazySchema(() => import('@/lib/auth/schemas'), 'staffLoginSchema'),
};

/**
 * One login form for the three doors: households may tick «запомнить меня», staff type the code
 * of their second factor in the same form.
 */
export function LoginForm({
  action,
  loginLabel,
  loginHint,
  next,
  variant = 'plain',
}: {
  action: FormAction;
  loginLabel: string;
  loginHint?: string;
  next?: string;
  variant?: 'plain' | 'remember' | 'second-factor';
}) {
  // One of three shapes: the form is typed by the fields all three share.
  const schema: LazySchema<FormSchema> = schemas[variant];
  return (
    <ActionForm
      schema={schema}
      action={action}
      defaultValues={{ login: '', password: '', next: next ?? '' }}
      className="space-y-4"
    >
      <input type="hidden" name="next" value={next ?? ''} />
      <TextField name="login" label={loginLabel} hint={loginHint} autoComplete="username" required />
      <PasswordField name="password" label="Пароль" autoComplete="current-password" required />
      {variant === 'second-factor' ? (
        <TextField
          name="code"
          label="Код подтверждения"
          hint="Шесть цифр из приложения-аутентификатора или код восстановления. При первом входе оставьте пустым — мы предложим подключить приложение."
          autoComplete="one-time-code"
          inputMode="text"
          maxLength={64}
        />
      ) : null}
      {variant === 'remember' ? (
        <CheckboxField
          name="remember"
          label="Запомнить меня"
          hint="На 30 дней. На чужом компьютере не отмечайте: без отметки вход закончится, когда вы закроете браузер."
        />
      ) : null}
      <SubmitButton pendingLabel="Входим…">Войти</SubmitButton>
    </ActionForm>
  );
}
