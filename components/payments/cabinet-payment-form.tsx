'use client';

import { useState } from 'react';
import { ActionForm, CheckboxField, SelectField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const cabinetPaymentSchema = lazySchema(() => import('@/lib/payments/schemas'), 'cabinetPaymentSchema');

export interface PayableAccount {
  id: string;
  label: string;
  /** What is due, as the amount field shows it («1234,56»). */
  due: string;
}

export interface GatewayChoice {
  value: string;
  label: string;
}

/** «Платёжный сервис»: shown only when there is more than one to choose from. */
export function GatewaySelect({ gateways, onChange }: { gateways: GatewayChoice[]; onChange?: (id: string) => void }) {
  if (gateways.length < 2) return null;
  return (
    <SelectField
      name="gateway"
      label="Платёжный сервис"
      hint="Страница оплаты картой откроется на сайте выбранного сервиса"
      options={gateways}
      onChange={(e) => onChange?.(e.currentTarget.value)}
    />
  );
}

export function CabinetPaymentForm({
  action,
  accounts,
  selected,
  billId,
  offerBinding = true,
  gateways = [],
  bindingGateways,
}: {
  action: FormAction;
  accounts: PayableAccount[];
  selected: string;
  billId?: string;
  /** Card bindings belong to a person's cabinet; a company pays each time with the card at hand. */
  offerBinding?: boolean;
  /** The configured gateways, the default first; a choice is shown when there are several. */
  gateways?: GatewayChoice[];
  /** The gateways that can remember a card (all, when not given). */
  bindingGateways?: string[];
}) {
  const current = accounts.find((a) => a.id === selected) ?? accounts[0];
  const [gateway, setGateway] = useState(gateways[0]?.value ?? '');
  const canBind = offerBinding && (bindingGateways === undefined || bindingGateways.includes(gateway));
  return (
    <ActionForm
      schema={cabinetPaymentSchema}
      action={action}
      defaultValues={{
        accountId: current?.id ?? '',
        amount: current?.due ?? '',
        billId: billId ?? '',
        rememberCard: false,
        gateway: gateways.length > 1 ? gateway : '',
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
      <GatewaySelect gateways={gateways} onChange={setGateway} />
      {canBind ? (
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
