'use client';

import { ActionForm, CheckboxField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const customerCancelSchema = lazySchema(() => import('@/lib/services/schemas'), 'customerCancelSchema');
const payRequestSchema = lazySchema(() => import('@/lib/services/schemas'), 'payRequestSchema');
const payWithBindingSchema = lazySchema(() => import('@/lib/services/schemas'), 'payWithBindingSchema');
const requestActionSchema = lazySchema(() => import('@/lib/services/schemas'), 'requestActionSchema');

// The customer's buttons on a request's page: accept the final price, pay, cancel.

export function AcceptPriceForm({
  action,
  requestId,
  price,
}: {
  action: FormAction;
  requestId: string;
  price: string;
}) {
  return (
    <ActionForm schema={requestActionSchema} action={action} defaultValues={{ requestId }} aria-label="Принять цену">
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton pendingLabel="Сохраняем…">Принять цену {price}</SubmitButton>
    </ActionForm>
  );
}

export function PayRequestForm({ action, requestId, price }: { action: FormAction; requestId: string; price: string }) {
  return (
    <ActionForm
      schema={payRequestSchema}
      action={action}
      defaultValues={{ requestId, rememberCard: false }}
      aria-label="Оплатить заявку картой"
      className="grid gap-3"
    >
      <input type="hidden" name="requestId" value={requestId} />
      <CheckboxField
        name="rememberCard"
        label="Запомнить карту для оплаты платных услуг"
        hint="Карта для электроэнергии и карта для услуг привязываются отдельно"
      />
      <SubmitButton pendingLabel="Переходим к оплате…">Оплатить {price} картой</SubmitButton>
    </ActionForm>
  );
}

export function PayWithBindingForm({
  action,
  requestId,
  bindingId,
  cardLabel,
}: {
  action: FormAction;
  requestId: string;
  bindingId: string;
  cardLabel: string;
}) {
  return (
    <ActionForm
      schema={payWithBindingSchema}
      action={action}
      defaultValues={{ requestId, bindingId }}
      aria-label={`Оплатить картой ${cardLabel}`}
    >
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="bindingId" value={bindingId} />
      <SubmitButton variant="secondary" pendingLabel="Списываем…">
        Оплатить привязанной картой: {cardLabel}
      </SubmitButton>
    </ActionForm>
  );
}

export function CancelRequestForm({
  action,
  requestId,
  paid,
}: {
  action: FormAction;
  requestId: string;
  paid: boolean;
}) {
  return (
    <ActionForm
      schema={customerCancelSchema}
      action={action}
      defaultValues={{ requestId, reason: '' }}
      aria-label="Отменить заявку"
      className="grid gap-3"
    >
      <input type="hidden" name="requestId" value={requestId} />
      <TextField name="reason" label="Причина отмены" hint="Необязательно" autoComplete="off" />
      <SubmitButton variant="secondary" pendingLabel="Отменяем…">
        {paid ? 'Отменить заявку и вернуть деньги' : 'Отменить заявку'}
      </SubmitButton>
    </ActionForm>
  );
}
