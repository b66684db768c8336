'use client';

import { ActionForm, SelectField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import type { PayableAccount } from './cabinet-payment-form';

const bindingChargeSchema = lazySchema(() => import('@/lib/payments/schemas'), 'bindingChargeSchema');
const deleteBindingSchema = lazySchema(() => import('@/lib/payments/schemas'), 'deleteBindingSchema');

/** One click on a bound card: the amount is prefilled with what is due, like the main form. */
export function BindingChargeForm({
  action,
  bindingId,
  cardLabel,
  accounts,
  selected,
}: {
  action: FormAction;
  bindingId: string;
  cardLabel: string;
  accounts: PayableAccount[];
  selected: string;
}) {
  const current = accounts.find((a) => a.id === selected) ?? accounts[0];
  return (
    <ActionForm
      schema={bindingChargeSchema}
      action={action}
      defaultValues={{ bindingId, accountId: current?.id ?? '', amount: current?.due ?? '' }}
      className="grid gap-3"
      aria-label={`Оплатить картой ${cardLabel}`}
    >
      <input type="hidden" name="bindingId" value={bindingId} />
      {accounts.length > 1 ? (
        <SelectField
          name="accountId"
          label="Лицевой счёт"
          options={accounts.map((a) => ({ value: a.id, label: a.label }))}
        />
      ) : (
        <input type="hidden" name="accountId" value={current?.id ?? ''} />
      )}
      <TextField name="amount" label="Сумма списания, ₽" inputMode="decimal" autoComplete="off" required />
      <SubmitButton pendingLabel="Списываем…">Оплатить привязанной картой</SubmitButton>
    </ActionForm>
  );
}

export function DeleteBindingForm({
  action,
  bindingId,
  cardLabel,
}: {
  action: FormAction;
  bindingId: string;
  cardLabel: string;
}) {
  return (
    <ActionForm
      schema={deleteBindingSchema}
      action={action}
      defaultValues={{ bindingId }}
      className="grid gap-2"
      aria-label={`Удалить карту ${cardLabel}`}
    >
      <input type="hidden" name="bindingId" value={bindingId} />
      <SubmitButton variant="secondary" pendingLabel="Удаляем…">
        Удалить
      </SubmitButton>
    </ActionForm>
  );
}
