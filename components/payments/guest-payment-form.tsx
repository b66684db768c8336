'use client';

import { ActionForm, SubmitButton, TextField } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { formatRub } from '@/lib/format/money';
import { guestConfirmSchema, guestLookupSchema } from '@/lib/payments/schemas';

type Payee = { ticket: string; holder: string; address: string; accountNumber: string; amountKopecks: number };

/** Pay without an account: number and amount → the masked payee to confirm → the gateway. */
export function GuestPaymentForm({
  findAction,
  payAction,
}: {
  findAction: FormAction<{ payee: Payee }>;
  payAction: FormAction;
}) {
  return (
    <ActionForm
      schema={guestLookupSchema}
      action={findAction}
      defaultValues={{ accountNumber: '', amount: '', email: '' }}
      successContent={({ payee }) => (
        <div className="space-y-4" data-testid="guest-payee">
          <p className="font-semibold">Проверьте получателя платежа:</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-500">Лицевой счёт</dt>
            <dd className="tabular-nums">{payee.accountNumber}</dd>
            <dt className="text-slate-500">Абонент</dt>
            <dd>{payee.holder}</dd>
            <dt className="text-slate-500">Адрес</dt>
            <dd>{payee.address}</dd>
            <dt className="text-slate-500">Сумма</dt>
            <dd className="font-semibold tabular-nums">{formatRub(payee.amountKopecks)}</dd>
          </dl>
          <ActionForm schema={guestConfirmSchema} action={payAction} defaultValues={{ ticket: payee.ticket }}>
            <input type="hidden" name="ticket" value={payee.ticket} />
            <SubmitButton pendingLabel="Переходим к оплате…">Всё верно, оплатить</SubmitButton>
          </ActionForm>
          <p className="text-sm">
            {/* A full load, not client navigation: the confirmed payee must not survive in the form's state. */}
            <a href="/pay">Это не мой счёт — ввести другой номер</a>
          </p>
        </div>
      )}
    >
      <TextField
        name="accountNumber"
        label="Номер лицевого счёта"
        hint="Напечатан в квитанции и в договоре"
        inputMode="numeric"
        autoComplete="off"
        required
      />
      <TextField name="amount" label="Сумма, ₽" inputMode="decimal" autoComplete="off" required />
      <TextField
        name="email"
        type="email"
        label="Электронная почта для чека"
        hint="Необязательно"
        autoComplete="email"
      />
      <SubmitButton pendingLabel="Ищем…">Продолжить</SubmitButton>
    </ActionForm>
  );
}
