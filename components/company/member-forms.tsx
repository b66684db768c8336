'use client';

import {
  ActionForm,
  CheckboxField,
  PasswordField,
  SelectField,
  SubmitButton,
  TextField,
  lazySchema,
} from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { CONSENT_DOCUMENT_PATH } from '@/lib/auth/consent';
import { companyRoleDescriptions, companyRoleLabels, companyRoles, type CompanyRole } from '@/lib/company/roles';
import { PASSWORD_MIN } from '@/lib/validation/password-length';

const acceptInviteSchema = lazySchema(() => import('@/lib/company/schemas'), 'acceptInviteSchema');
const changeRoleSchema = lazySchema(() => import('@/lib/company/schemas'), 'changeRoleSchema');
const inviteMemberSchema = lazySchema(() => import('@/lib/company/schemas'), 'inviteMemberSchema');
const removeMemberSchema = lazySchema(() => import('@/lib/company/schemas'), 'removeMemberSchema');

const roleOptions = companyRoles.map((r) => ({
  value: r,
  label: `${companyRoleLabels[r]} — ${companyRoleDescriptions[r]}`,
}));
const shortRoleOptions = companyRoles.map((r) => ({ value: r, label: companyRoleLabels[r] }));

export function InviteMemberForm({ action }: { action: FormAction }) {
  return (
    <ActionForm
      schema={inviteMemberSchema}
      action={action}
      defaultValues={{ email: '', fullName: '', role: 'engineer' }}
      resetOnSuccess
      className="space-y-4"
      aria-label="Пригласить пользователя"
    >
      {/* The outcome alert comes first, above the whole row of fields. */}
      <div className="grid gap-4 md:grid-cols-3">
        <TextField name="fullName" label="ФИО сотрудника" autoComplete="off" required />
        <TextField name="email" type="email" label="Рабочая электронная почта" autoComplete="off" required />
        <SelectField name="role" label="Роль" options={roleOptions} required />
      </div>
      <SubmitButton pendingLabel="Отправляем приглашение…">Пригласить</SubmitButton>
    </ActionForm>
  );
}

export function ChangeRoleForm({
  action,
  userId,
  role,
  name,
}: {
  action: FormAction;
  userId: string;
  role: CompanyRole;
  name: string;
}) {
  return (
    <ActionForm
      schema={changeRoleSchema}
      action={action}
      defaultValues={{ userId, role }}
      className="flex flex-wrap items-end gap-2"
      aria-label={`Роль: ${name}`}
    >
      <input type="hidden" name="userId" value={userId} />
      <SelectField
        name="role"
        label={<span className="sr-only">Роль пользователя {name}</span>}
        options={shortRoleOptions}
      />
      <SubmitButton pendingLabel="Сохраняем…" className="btn-secondary">
        Сменить роль
      </SubmitButton>
    </ActionForm>
  );
}

export function RemoveMemberForm({ action, userId, name }: { action: FormAction; userId: string; name: string }) {
  return (
    <ActionForm schema={removeMemberSchema} action={action} defaultValues={{ userId }} aria-label={`Удалить: ${name}`}>
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton pendingLabel="Удаляем…" className="btn-danger">
        Удалить доступ
      </SubmitButton>
    </ActionForm>
  );
}

export function AcceptInviteForm({ action, token }: { action: FormAction; token: string }) {
  return (
    <ActionForm
      schema={acceptInviteSchema}
      action={action}
      defaultValues={{ token, password: '', passwordConfirm: '', consent: false }}
      className="space-y-4"
    >
      <input type="hidden" name="token" value={token} />
      <PasswordField
        name="password"
        label="Пароль"
        hint={`Не короче ${PASSWORD_MIN} символов`}
        autoComplete="new-password"
        required
      />
      <PasswordField name="passwordConfirm" label="Пароль ещё раз" autoComplete="new-password" required />
      <CheckboxField
        name="consent"
        label={
          <>
            Согласен на обработку персональных данных (<a href={CONSENT_DOCUMENT_PATH}>текст согласия</a>)
          </>
        }
      />
      <SubmitButton pendingLabel="Сохраняем…">Принять приглашение</SubmitButton>
    </ActionForm>
  );
}
