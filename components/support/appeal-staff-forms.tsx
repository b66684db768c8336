'use client';

import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { APPEAL_TOPIC_LABEL } from '@/lib/support/appeal-topics';
import type { AppealTopic } from '@/db/enums';
import { AppealAttachments } from './appeal-attachments';

const appealTemplateSchema = lazySchema(() => import('@/lib/support/appeal-schemas'), 'appealTemplateSchema');
const assignAppealSchema = lazySchema(() => import('@/lib/support/appeal-schemas'), 'assignAppealSchema');
const deleteTemplateSchema = lazySchema(() => import('@/lib/support/appeal-schemas'), 'deleteTemplateSchema');
const staffAnswerSchema = lazySchema(() => import('@/lib/support/appeal-schemas'), 'staffAnswerSchema');
const staffNoteSchema = lazySchema(() => import('@/lib/support/appeal-schemas'), 'staffNoteSchema');
const topicDeadlineSchema = lazySchema(() => import('@/lib/support/appeal-schemas'), 'topicDeadlineSchema');

// Staff's forms on an appeal's page and on the settings page (templates, deadlines per topic).

export function AssignForm({
  action,
  appealId,
  assigneeId,
  staff,
}: {
  action: FormAction;
  appealId: string;
  assigneeId: string | null;
  staff: { id: string; fullName: string }[];
}) {
  return (
    <ActionForm
      schema={assignAppealSchema}
      action={action}
      defaultValues={{ appealId, assigneeId: assigneeId ?? '' }}
      aria-label="Назначить исполнителя"
      className="flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="appealId" value={appealId} />
      <SelectField
        name="assigneeId"
        label="Исполнитель"
        placeholder="Не назначен"
        options={staff.map((s) => ({ value: s.id, label: s.fullName }))}
      />
      <SubmitButton variant="secondary" pendingLabel="Назначаем…">
        Назначить
      </SubmitButton>
    </ActionForm>
  );
}

export function AnswerForm({
  action,
  appealId,
  templates,
}: {
  action: FormAction;
  appealId: string;
  templates: { id: string; title: string; body: string }[];
}) {
  return (
    <ActionForm schema={staffAnswerSchema} action={action} defaultValues={{ appealId, text: '' }} aria-label="Ответить">
      {(api) => (
        <>
          <input type="hidden" name="appealId" value={appealId} />
          {templates.length ? (
            <div>
              <label htmlFor="answer-template" className="font-medium">
                Шаблон ответа
              </label>
              <select
                id="answer-template"
                className="mt-1.5 block w-full rounded-lg border border-slate-300 px-3 py-2"
                defaultValue=""
                onChange={(e) => {
                  const t = templates.find((x) => x.id === e.currentTarget.value);
                  if (t) api.form.setValue('text', t.body, { shouldDirty: true });
                }}
              >
                <option value="">Без шаблона</option>
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.title}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <TextAreaField
            name="text"
            label="Ответ заявителю"
            hint="Уйдёт письмом и появится в переписке"
            required
            rows={6}
          />
          <AppealAttachments />
          <SubmitButton pendingLabel="Отправляем…">Отправить ответ</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function NoteForm({ action, appealId }: { action: FormAction; appealId: string }) {
  return (
    <ActionForm
      schema={staffNoteSchema}
      action={action}
      defaultValues={{ appealId, text: '' }}
      aria-label="Внутренняя заметка"
    >
      <input type="hidden" name="appealId" value={appealId} />
      <TextAreaField name="text" label="Заметка для сотрудников" hint="Заявитель её не увидит" required rows={3} />
      <SubmitButton variant="secondary" pendingLabel="Сохраняем…">
        Добавить заметку
      </SubmitButton>
    </ActionForm>
  );
}

export function TemplateForm({
  action,
  template,
}: {
  action: FormAction;
  template?: { id: string; title: string; body: string };
}) {
  return (
    <ActionForm
      schema={appealTemplateSchema}
      action={action}
      defaultValues={{ id: template?.id ?? '', title: template?.title ?? '', body: template?.body ?? '' }}
      aria-label={template ? `Шаблон «${template.title}»` : 'Новый шаблон'}
    >
      <input type="hidden" name="id" value={template?.id ?? ''} />
      <TextField name="title" label="Название" required />
      <TextAreaField name="body" label="Текст шаблона" required rows={4} />
      <SubmitButton variant="secondary" pendingLabel="Сохраняем…">
        {template ? 'Сохранить шаблон' : 'Добавить шаблон'}
      </SubmitButton>
    </ActionForm>
  );
}

export function DeleteTemplateForm({ action, id, title }: { action: FormAction; id: string; title: string }) {
  return (
    <ActionForm
      schema={deleteTemplateSchema}
      action={action}
      defaultValues={{ id }}
      aria-label={`Удалить шаблон «${title}»`}
    >
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingLabel="Удаляем…">
        Удалить
      </SubmitButton>
    </ActionForm>
  );
}

export function TopicDeadlineForm({
  action,
  topic,
  workingDays,
}: {
  action: FormAction;
  topic: AppealTopic;
  workingDays: number;
}) {
  return (
    <ActionForm
      schema={topicDeadlineSchema}
      action={action}
      defaultValues={{ topic, workingDays }}
      aria-label={`Срок ответа: ${APPEAL_TOPIC_LABEL[topic]}`}
      className="flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="topic" value={topic} />
      <TextField name="workingDays" label={APPEAL_TOPIC_LABEL[topic]} hint="Рабочих дней" inputMode="numeric" />
      <SubmitButton variant="secondary" pendingLabel="Сохраняем…">
        Сохранить
      </SubmitButton>
    </ActionForm>
  );
}
