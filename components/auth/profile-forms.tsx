'use client';

import { ActionForm, CheckboxField, PasswordField, SubmitButton, TextField } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { changeEmailSchema, changePasswordSchema, contactsSchema, preferencesSchema } from '@/lib/auth/schemas';
import { PASSWORD_MIN } from '@/lib/validation/fields';
import { PasswordStrength } from './password-strength';

export function ContactsForm({ action, fullName, phone }: { action: FormAction; fullName: string; phone: string }) {
  return (
    <ActionForm schema={contactsSchema} action={action} defaultValues={{ fullName, phone }} className="space-y-4">
      <TextField name="fullName" label="ФИО" autoComplete="name" required />
      <TextField name="phone" label="Телефон" type="tel" autoComplete="tel" required />
      <SubmitButton pendingLabel="Сохраняем…">Сохранить</SubmitButton>
    </ActionForm>
  );
}

export interface Preferences {
  notifyReadingReminders: boolean;
  notifyNewBill: boolean;
  notifyPaymentReceived: boolean;
  notifyOutages: boolean;
  notifyServiceRequests: boolean;
  newsSubscription: boolean;
}

const preferenceLabels: Record<keyof Preferences, string> = {
  notifyReadingReminders: 'Напоминать передать показания (за 2 дня до конца приёма)',
  notifyNewBill: 'Новый счёт',
  notifyPaymentReceived: 'Платёж получен',
  notifyOutages: 'Отключения по моему адресу',
  notifyServiceRequests: 'Заявки на платные услуги',
  newsSubscription: 'Новостная рассылка',
};

export function PreferencesForm({ action, values }: { action: FormAction; values: Preferences }) {
  return (
    <ActionForm schema={preferencesSchema} action={action} defaultValues={values} className="space-y-3">
      <fieldset className="space-y-3">
        <legend className="mb-2 font-medium">Присылать на почту</legend>
        {(Object.keys(preferenceLabels) as (keyof Preferences)[]).map((name) => (
          <CheckboxField key={name} name={name} label={preferenceLabels[name]} />
        ))}
      </fieldset>
      <SubmitButton pendingLabel="Сохраняем…">Сохранить настройки</SubmitButton>
    </ActionForm>
  );
}

export function ChangePasswordForm({ action }: { action: FormAction }) {
  return (
    <ActionForm
      schema={changePasswordSchema}
      action={action}
      defaultValues={{ currentPassword: '', password: '', passwordConfirm: '' }}
      resetOnSuccess
      className="space-y-4"
    >
      <PasswordField name="currentPassword" label="Текущий пароль" autoComplete="current-password" required />
      <PasswordField
        name="password"
        label="Новый пароль"
        hint={`Не короче ${PASSWORD_MIN} символов`}
        autoComplete="new-password"
        required
      />
      <PasswordStrength />
      <PasswordField name="passwordConfirm" label="Новый пароль ещё раз" autoComplete="new-password" required />
      <SubmitButton pendingLabel="Меняем…">Сменить пароль</SubmitButton>
    </ActionForm>
  );
}

export function ChangeEmailForm({ action }: { action: FormAction }) {
  return (
    <ActionForm
      schema={changeEmailSchema}
      action={action}
      defaultValues={{ newEmail: '', currentPassword: '' }}
      resetOnSuccess
      className="space-y-4"
    >
      <TextField name="newEmail" type="email" label="Новый адрес" autoComplete="email" required />
      <PasswordField name="currentPassword" label="Текущий пароль" autoComplete="current-password" required />
      <SubmitButton pendingLabel="Отправляем…">Отправить ссылку на новый адрес</SubmitButton>
    </ActionForm>
  );
}
