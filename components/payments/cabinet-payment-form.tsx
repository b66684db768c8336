'use client';

import { ActionForm, CheckboxField, SelectField, SubmitButton, TextField } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { cabinetPaymentSchema } from '@/lib/payments/schemas';

export interface PayableAccount {
  id: string;
  label: string;
  /** What is due, as the amount field shows it («1234,56»). */
  due: string;
}

export function CabinetPaymentForm({
  action,
  accounts,
  selected,
  billId,
  offerBinding = true,
}: {
  action: FormAction;
  accounts: PayableAccount[];
  selected: string;
  billId?: string;
  /** Card bindings belong to a person's cabinet; a company pays each time with the card at hand. */
  offerBinding?: boolean;
}) {
  const current = accounts.find((a) => a.id === selected) ?? accounts[0];
  return (
    <ActionForm
      schema={cabinetPaymentSchema}
      action={action}
      defaultValues={{
        accountId: current?.id ?? '',
        amount: current?.due ?? '',
        billId: billId ?? '',
        rememberCard: false,
      }}
    >
      {accounts.length > 1 ? (
        <SelectField
          name="accountId"
          label="Лицевой счёт"
          options={accounts.map((a) => ({ value: a.id, label: a.label }))}
        />
      ) : (
        <>
          <input type="hidden" name="accountId" value={current?.id ?? ''} />
          <p>Лицевой счёт {current?.label}</p>
        </>
      )}
      {billId ? <input type="hidden" name="billId" value={billId} /> : null}
      <TextField
        name="amount"
        label="Сумма, ₽"
        inputMode="decimal"
        autoComplete="off"
        hint="Подставлена сумма к оплате; можно заплатить больше — это аванс"
        required
      />
      {offerBinding ? (
        <CheckboxField
          name="rememberCard"
          label="Запомнить карту для следующих платежей"
          hint="Мы храним только маску номера и токен платёжного сервиса"
        />
      ) : null}
      <SubmitButton pendingLabel="Переходим к оплате…">Оплатить</SubmitButton>
    </ActionForm>
  );
}
