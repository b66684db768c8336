'use client';

import {
  ActionForm,
  CheckboxField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  lazySchema,
} from '@/components/forms';
import type { FormSchema, LazySchema } from '@/components/forms/lazy-schema';
import type { FormAction } from '@/lib/actions/result';
import { APPEAL_TOPIC_LABEL, APPEAL_TOPICS } from '@/lib/support/appeal-topics';
import { AppealAttachments } from './appeal-attachments';

const appealReplySchema = lazySchema(() => import('@/lib/support/appeal-schemas'), 'appealReplySchema');
const cabinetAppealSchema = lazySchema(() => import('@/lib/support/appeal-schemas'), 'cabinetAppealSchema');
const closeAppealSchema = lazySchema(() => import('@/lib/support/appeal-schemas'), 'closeAppealSchema');
const guestAppealSchema = lazySchema(() => import('@/lib/support/appeal-schemas'), 'guestAppealSchema');
const guestCloseSchema = lazySchema(() => import('@/lib/support/appeal-schemas'), 'guestCloseSchema');
const guestKeySchema = lazySchema(() => import('@/lib/support/appeal-schemas'), 'guestKeySchema');
const guestReplySchema = lazySchema(() => import('@/lib/support/appeal-schemas'), 'guestReplySchema');

// The appellant's forms: a new appeal (cabinet or guest), a reply in the thread, close and rate —
// the last two the same for a cabinet and a guest, who names the appeal by the letter's key.

const topicOptions = (days: Record<string, number>) =>
  APPEAL_TOPICS.map((t) => ({ value: t, label: `${APPEAL_TOPIC_LABEL[t]} — ответ за ${days[t]} раб. дн.` }));

const ratingOptions = [
  { value: '5', label: '5 — отлично' },
  { value: '4', label: '4 — хорошо' },
  { value: '3', label: '3 — удовлетворительно' },
  { value: '2', label: '2 — плохо' },
  { value: '1', label: '1 — очень плохо' },
];

export function CabinetAppealForm({
  action,
  accounts,
  days,
}: {
  action: FormAction;
  accounts: { id: string; label: string }[];
  days: Record<string, number>;
}) {
  return (
    <ActionForm
      schema={cabinetAppealSchema}
      action={action}
      defaultValues={{ accountId: accounts.length === 1 ? accounts[0]!.id : '', text: '' }}
      aria-label="Новое обращение"
    >
      <SelectField name="topic" label="Тема" required placeholder="Выберите тему" options={topicOptions(days)} />
      {accounts.length ? (
        <SelectField
          name="accountId"
          label="Лицевой счёт"
          placeholder="Не относится к счёту"
          options={accounts.map((a) => ({ value: a.id, label: a.label }))}
        />
      ) : null}
      <TextAreaField name="text" label="Текст обращения" required rows={6} />
      <AppealAttachments />
      <SubmitButton pendingLabel="Отправляем…">Отправить обращение</SubmitButton>
    </ActionForm>
  );
}

/** Which appeal a thread form acts on: a cabinet's by its id, a guest's by the letter's signed key. */
export type AppealTarget = { appealId: string } | { guestKey: string };

const targetFields = (target: AppealTarget) =>
  'guestKey' in target ? { key: target.guestKey } : { appealId: target.appealId };

function TargetInputs({ target }: { target: AppealTarget }) {
  return Object.entries(targetFields(target)).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
}

export function AppealReplyForm({ action, target }: { action: FormAction; target: AppealTarget }) {
  return (
    <ActionForm
      schema={('guestKey' in target ? guestReplySchema : appealReplySchema) as LazySchema<FormSchema>}
      action={action}
      defaultValues={{ ...targetFields(target), text: '' }}
      aria-label="Написать в обращении"
    >
      <TargetInputs target={target} />
      <TextAreaField name="text" label="Сообщение" required rows={4} />
      <AppealAttachments />
      <SubmitButton variant="secondary" pendingLabel="Отправляем…">
        Отправить
      </SubmitButton>
    </ActionForm>
  );
}

export function CloseAppealForm({ action, target }: { action: FormAction; target: AppealTarget }) {
  return (
    <ActionForm
      schema={('guestKey' in target ? guestCloseSchema : closeAppealSchema) as LazySchema<FormSchema>}
      action={action}
      defaultValues={targetFields(target)}
      aria-label="Закрыть обращение"
      className="grid gap-3"
    >
      <TargetInputs target={target} />
      <SelectField name="rating" label="Оценка ответа" required placeholder="Выберите оценку" options={ratingOptions} />
      <SubmitButton pendingLabel="Закрываем…">Закрыть обращение</SubmitButton>
    </ActionForm>
  );
}

export function GuestAppealForm({
  action,
  days,
}: {
  action: FormAction<{ number: string }>;
  days: Record<string, number>;
}) {
  return (
    <ActionForm
      schema={guestAppealSchema}
      action={action}
      defaultValues={{ name: '', email: '', accountNumber: '', text: '', consent: false }}
      aria-label="Обращение без входа в кабинет"
      successContent={(result) => (
        <p className="notice" role="status">
          Обращение № {result.number} сохранено. Мы отправили письмо на указанный адрес: откройте ссылку из него, чтобы
          подтвердить почту, — только после этого обращение получат специалисты и начнётся срок ответа.
        </p>
      )}
    >
      <TextField name="name" label="Как к вам обращаться" autoComplete="name" required />
      <TextField name="email" label="Электронная почта" type="email" autoComplete="email" required />
      <SelectField name="topic" label="Тема" required placeholder="Выберите тему" options={topicOptions(days)} />
      <TextField name="accountNumber" label="Номер лицевого счёта" hint="Необязательно" inputMode="numeric" />
      <TextAreaField name="text" label="Текст обращения" required rows={6} />
      <AppealAttachments />
      <CheckboxField name="consent" label="Согласен на обработку персональных данных для ответа на обращение" />
      <SubmitButton pendingLabel="Отправляем…">Отправить обращение</SubmitButton>
    </ActionForm>
  );
}

export function GuestConfirmForm({ action, guestKey }: { action: FormAction; guestKey: string }) {
  return (
    <ActionForm
      schema={guestKeySchema}
      action={action}
      defaultValues={{ key: guestKey }}
      aria-label="Подтвердить обращение"
    >
      <input type="hidden" name="key" value={guestKey} />
      <SubmitButton pendingLabel="Подтверждаем…">Подтвердить обращение</SubmitButton>
    </ActionForm>
  );
}
