'use client';

import { ActionForm, CheckboxField, PasswordField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  channelLabels,
  eventLabels,
  preferenceField,
} from '@/lib/notifications/catalog';
import { PASSWORD_MIN } from '@/lib/validation/password-length';
import { PasswordStrength } from './password-strength';

const changeEmailSchema = lazySchema(() => import('@/lib/auth/schemas'), 'changeEmailSchema');
const changePasswordSchema = lazySchema(() => import('@/lib/auth/schemas'), 'changePasswordSchema');
const contactsSchema = lazySchema(() => import('@/lib/auth/schemas'), 'contactsSchema');
const preferencesSchema = lazySchema(() => import('@/lib/auth/schemas'), 'preferencesSchema');

export function ContactsForm({ action, fullName, phone }: { action: FormAction; fullName: string; phone: string }) {
  return (
    <ActionForm schema={contactsSchema} action={action} defaultValues={{ fullName, phone }} className="space-y-4">
      <TextField name="fullName" label="ФИО" autoComplete="name" required />
      <TextField name="phone" label="Телефон" type="tel" autoComplete="tel" required />
      <SubmitButton pendingLabel="Сохраняем…">Сохранить</SubmitButton>
    </ActionForm>
  );
}

/** Every cell of the events × channels table, by its form field (lib/notifications/catalog.ts). */
export type Preferences = Record<string, boolean>;

export function PreferencesForm({
  action,
  values,
  sms,
  push,
}: {
  action: FormAction;
  values: Preferences;
  /** SMS can be sent here (a provider is set, or the development mailbox shows them). */
  sms: boolean;
  /** Web push is set up here (VAPID keys); it reaches the installed app. */
  push: boolean;
}) {
  const channels = NOTIFICATION_CHANNELS.filter(
    (channel) => (sms || channel !== 'sms') && (push || channel !== 'push'),
  );
  return (
    <ActionForm schema={preferencesSchema} action={action} defaultValues={values} className="space-y-3">
      <p className="text-sm text-slate-600">
        СМС и push не приходят с 22:00 до 08:00 по московскому времени — кроме аварийных отключений; ночные сообщения
        придут в 08:00. СМС отправляется на телефон из контактных данных.
      </p>
      {NOTIFICATION_EVENTS.map((event) => (
        <fieldset key={event} className="border-t border-slate-200 pt-2">
          <legend className="font-medium">{eventLabels[event]}</legend>
          <div className="flex flex-wrap gap-x-6">
            {channels.map((channel) => (
              <CheckboxField key={channel} name={preferenceField(event, channel)} label={channelLabels[channel]} />
            ))}
          </div>
        </fieldset>
      ))}
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
