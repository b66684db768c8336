'use client';

import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { ADJUSTMENT_DIRECTIONS, NOTE_MAX, REASON_MAX } from '@/lib/accounts/registry-limits';
import { categoryLabels } from '@/lib/tariffs/zones';
import type { TariffCategory } from '@/db/enums';

const accountContactsSchema = lazySchema(() => import('@/lib/accounts/registry-schemas'), 'accountContactsSchema');
const accountGisIdsSchema = lazySchema(() => import('@/lib/accounts/registry-schemas'), 'accountGisIdsSchema');
const accountNoteSchema = lazySchema(() => import('@/lib/accounts/registry-schemas'), 'accountNoteSchema');
const accountTermsSchema = lazySchema(() => import('@/lib/accounts/registry-schemas'), 'accountTermsSchema');
const adjustmentDecisionSchema = lazySchema(
  () => import('@/lib/accounts/registry-schemas'),
  'adjustmentDecisionSchema',
);
const adjustmentSchema = lazySchema(() => import('@/lib/accounts/registry-schemas'), 'adjustmentSchema');

// The staff actions of the account card. Each form carries the account's id; the server checks the
// staff session, the values and the account again.

export function AccountContactsForm({
  action,
  account,
  phone,
  email,
}: {
  action: FormAction;
  account: string;
  phone: string;
  email: string;
}) {
  return (
    <ActionForm
      schema={accountContactsSchema}
      action={action}
      defaultValues={{ account, phone, email }}
      aria-label="Контакты лицевого счёта"
    >
      <input type="hidden" name="account" value={account} />
      <TextField
        name="phone"
        label="Телефон"
        hint="Печатается в квитанции; пустое поле — без телефона"
        type="tel"
        inputMode="tel"
        autoComplete="off"
      />
      <TextField
        name="email"
        label="Электронная почта"
        hint="Адрес договора для писем по лицевому счёту"
        type="email"
        autoComplete="off"
      />
      <SubmitButton pendingLabel="Сохраняем…">Сохранить контакты</SubmitButton>
    </ActionForm>
  );
}

/** The account's ЕЛС and ИЖКУ as ГИС ЖКХ assigned them; empty fields clear them. */
export function AccountGisIdsForm({
  action,
  account,
  els,
  izhku,
}: {
  action: FormAction;
  account: string;
  els: string;
  izhku: string;
}) {
  return (
    <ActionForm
      schema={accountGisIdsSchema}
      action={action}
      defaultValues={{ account, els, izhku }}
      aria-label="Идентификаторы ГИС ЖКХ"
    >
      <input type="hidden" name="account" value={account} />
      <TextField
        name="els"
        label="ЕЛС — единый лицевой счёт"
        hint="10 знаков из ГИС ЖКХ, например 50АБ010001; пустое поле — без ЕЛС"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
      />
      <TextField
        name="izhku"
        label="ИЖКУ — идентификатор услуги"
        hint="ЕЛС, дефис и две цифры номера услуги, например 50АБ010001-01"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
      />
      <SubmitButton pendingLabel="Сохраняем…">Сохранить идентификаторы</SubmitButton>
    </ActionForm>
  );
}

export function AccountTermsForm({
  action,
  account,
  month,
  residents,
  owners,
  tariffCategory,
}: {
  action: FormAction;
  account: string;
  /** The first month not billed yet, `YYYY-MM`. */
  month: string;
  residents: number;
  owners: number;
  tariffCategory: TariffCategory;
}) {
  return (
    <ActionForm
      schema={accountTermsSchema}
      action={action}
      defaultValues={{
        account,
        month,
        residents: String(residents),
        owners: String(owners),
        tariffCategory,
        reason: '',
      }}
      aria-label="Жильцы и категория с месяца"
    >
      <input type="hidden" name="account" value={account} />
      <TextField
        name="month"
        label="Действует с месяца"
        hint="С 1-го числа; месяц, за который счёт ещё не выставлен"
        type="month"
        min={month}
        required
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField name="residents" label="Зарегистрировано жильцов" inputMode="numeric" autoComplete="off" required />
        <TextField
          name="owners"
          label="Собственников"
          hint="По ним считают норматив, если никто не зарегистрирован"
          inputMode="numeric"
          autoComplete="off"
          required
        />
      </div>
      <SelectField
        name="tariffCategory"
        label="Тарифная категория"
        options={Object.entries(categoryLabels).map(([value, label]) => ({ value, label }))}
        required
      />
      <TextAreaField
        name="reason"
        label="Основание"
        hint={`Например: «Справка о регистрации от 02.12.2026». До ${REASON_MAX} символов.`}
        rows={2}
        maxLength={REASON_MAX}
        required
      />
      <SubmitButton pendingLabel="Сохраняем…">Сохранить с этого месяца</SubmitButton>
    </ActionForm>
  );
}

export function AdjustmentForm({
  action,
  account,
  approvalAbove,
}: {
  action: FormAction;
  account: string;
  /** Adjustments above this wait for an admin's approval. */
  approvalAbove: string;
}) {
  return (
    <ActionForm
      schema={adjustmentSchema}
      action={action}
      defaultValues={{ account, direction: 'credit', amount: '', reason: '' }}
      aria-label="Корректировка баланса"
    >
      <input type="hidden" name="account" value={account} />
      <SelectField
        name="direction"
        label="Что сделать"
        options={Object.entries(ADJUSTMENT_DIRECTIONS).map(([value, label]) => ({ value, label }))}
        required
      />
      <TextField
        name="amount"
        label="Сумма, ₽"
        hint={`Рубли и копейки через запятую. Больше ${approvalAbove} — после одобрения администратором`}
        inputMode="decimal"
        autoComplete="off"
        required
      />
      <TextAreaField
        name="reason"
        label="Причина"
        hint={`Видна сотрудникам, в журнале и в выписке абонента. До ${REASON_MAX} символов.`}
        rows={2}
        maxLength={REASON_MAX}
        required
      />
      <SubmitButton pendingLabel="Проводим…">Провести корректировку</SubmitButton>
    </ActionForm>
  );
}

export function AdjustmentDecisionForm({
  action,
  requestId,
  decision,
}: {
  action: FormAction;
  requestId: string;
  decision: 'approve' | 'decline';
}) {
  return (
    <ActionForm schema={adjustmentDecisionSchema} action={action} defaultValues={{ requestId, decision }}>
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="decision" value={decision} />
      {decision === 'approve' ? (
        <SubmitButton pendingLabel="Проводим…">Одобрить и провести</SubmitButton>
      ) : (
        <SubmitButton pendingLabel="Отклоняем…" className="btn-danger">
          Отклонить
        </SubmitButton>
      )}
    </ActionForm>
  );
}

export function AccountNoteForm({ action, account }: { action: FormAction; account: string }) {
  return (
    <ActionForm
      schema={accountNoteSchema}
      action={action}
      defaultValues={{ account, body: '' }}
      aria-label="Новая заметка"
    >
      <input type="hidden" name="account" value={account} />
      <TextAreaField
        name="body"
        label="Заметка"
        hint={`Видна только сотрудникам. До ${NOTE_MAX} символов.`}
        rows={3}
        maxLength={NOTE_MAX}
        required
      />
      <SubmitButton pendingLabel="Сохраняем…">Добавить заметку</SubmitButton>
    </ActionForm>
  );
}
