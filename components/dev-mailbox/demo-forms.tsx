'use client';

import { ActionForm, SubmitButton, TextAreaField, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const demoReminderSchema = lazySchema(() => import('@/lib/inbound/demo-schemas'), 'demoReminderSchema');
const demoReplySchema = lazySchema(() => import('@/lib/inbound/demo-schemas'), 'demoReplySchema');
const demoSmsSchema = lazySchema(() => import('@/lib/inbound/demo-schemas'), 'demoSmsSchema');

// The development mailbox's forms: answer a letter, send an SMS to the app, get a reminder now.

const status = (result: { message?: string }) => (
  <p className="notice" role="status">
    {result.message}
  </p>
);

export function ReplyToLetterForm({
  action,
  letterId,
  replyTo,
}: {
  action: FormAction;
  letterId: string;
  replyTo: string;
}) {
  return (
    <ActionForm
      schema={demoReplySchema}
      action={action}
      defaultValues={{ letterId, text: '' }}
      className="space-y-3"
      successContent={status}
    >
      <input type="hidden" name="letterId" value={letterId} />
      <p className="text-sm text-slate-600">Ответ уйдёт на адрес {replyTo} — так, как его доставил бы Resend.</p>
      <TextAreaField name="text" label="Текст ответа" hint="Например: 12345 или день 12345 ночь 6789" />
      <SubmitButton pendingLabel="Отправляем…">Ответить</SubmitButton>
    </ActionForm>
  );
}

export function SendSmsForm({ action }: { action: FormAction }) {
  return (
    <ActionForm
      schema={demoSmsSchema}
      action={action}
      defaultValues={{ phone: '', text: '' }}
      className="space-y-3"
      successContent={status}
    >
      <TextField name="phone" label="С номера" hint="Номер из профиля абонента, например +7 916 245-18-73" />
      <TextField
        name="text"
        label="Текст СМС"
        hint="Например: ПОКАЗАНИЯ 12345 или ОПЛАТА 1500 (код из ответа — отдельным СМС)"
      />
      <SubmitButton pendingLabel="Отправляем…">Отправить СМС</SubmitButton>
    </ActionForm>
  );
}

export function SendReminderForm({ action, email }: { action: FormAction; email?: string }) {
  return (
    <ActionForm
      schema={demoReminderSchema}
      action={action}
      defaultValues={{ email: email ?? '' }}
      className="space-y-3"
      successContent={status}
    >
      <TextField name="email" type="email" label="Адрес абонента" />
      <SubmitButton pendingLabel="Отправляем…">Прислать напоминание о показаниях</SubmitButton>
    </ActionForm>
  );
}
