'use client';

import { ActionForm, SelectField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const createStaffSchema = lazySchema(() => import('@/lib/auth/schemas'), 'createStaffSchema');
const resetStaffSchema = lazySchema(() => import('@/lib/auth/schemas'), 'resetStaffSchema');

type PasswordResult = { email: string; temporaryPassword: string };

function TemporaryPassword({ result }: { result: PasswordResult }) {
  return (
    <div className="space-y-2" role="status">
      <p>
        Одноразовый пароль для <strong>{result.email}</strong> (показан один раз, передайте его лично):
      </p>
      <p className="font-mono text-lg" data-testid="temporary-password">
        {result.temporaryPassword}
      </p>
      <p className="text-sm text-slate-600">При первом входе сотрудник подключит приложение-аутентификатор.</p>
    </div>
  );
}

export function CreateStaffForm({ action }: { action: FormAction<PasswordResult> }) {
  return (
    <ActionForm
      schema={createStaffSchema}
      action={action}
      defaultValues={{ email: '', fullName: '', role: 'operator' }}
      className="space-y-4"
      aria-label="Новый сотрудник"
      successContent={(result) => <TemporaryPassword result={result} />}
    >
      <TextField name="fullName" label="ФИО" autoComplete="off" required />
      <TextField name="email" label="Служебный e-mail" type="email" autoComplete="off" required />
      <SelectField
        name="role"
        label="Роль"
        options={[
          { value: 'operator', label: 'Оператор' },
          { value: 'admin', label: 'Администратор' },
        ]}
        required
      />
      <SubmitButton pendingLabel="Добавляем…">Добавить сотрудника</SubmitButton>
    </ActionForm>
  );
}

export function ResetStaffForm({
  action,
  userId,
  name,
}: {
  action: FormAction<PasswordResult>;
  userId: string;
  name: string;
}) {
  return (
    <ActionForm
      schema={resetStaffSchema}
      action={action}
      defaultValues={{ userId }}
      aria-label={`Сбросить вход: ${name}`}
      successContent={(result) => <TemporaryPassword result={result} />}
    >
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton pendingLabel="Сбрасываем…" className="btn-secondary">
        Сбросить пароль и второй фактор
      </SubmitButton>
    </ActionForm>
  );
}
