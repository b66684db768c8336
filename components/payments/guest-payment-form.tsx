'use client';

import { ActionForm, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { formatRub } from '@/lib/format/money';
import { type GatewayChoice, GatewaySelect } from './cabinet-payment-form';

const guestConfirmSchema = lazySchema(() => import('@/lib/payments/schemas'), 'guestConfirmSchema');
const guestLookupSchema = lazySchema(() => import('@/lib/payments/schemas'), 'guestLookupSchema');

type Payee = {
  ticket: string;
  holder: string;
  address: string;
  accountNumber: string;
  amountKopecks: number;
  reference: { label: string; value: string } | null;
  billPeriod: string | null;
};

/**
 * Pay without an account: the account number or a ГИС ЖКХ identifier, and the amount (none for an
 * ИПД: it pays its bill) → the masked payee to confirm → the gateway.
 */
export function GuestPaymentForm({
  findAction,
  payAction,
  gateways = [],
}: {
  findAction: FormAction<{ payee: Payee }>;
  payAction: FormAction;
  /** The configured gateways, the default first; a choice is shown when there are several. */
  gateways?: GatewayChoice[];
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
            {payee.reference ? (
              <>
                <dt className="text-slate-500">{payee.reference.label}</dt>
                <dd className="break-all tabular-nums" data-testid="guest-reference">
                  {payee.reference.value}
                </dd>
              </>
            ) : null}
            {payee.billPeriod ? (
              <>
                <dt className="text-slate-500">Документ</dt>
                <dd>квитанция за {payee.billPeriod}, к оплате по ней</dd>
              </>
            ) : null}
            <dt className="text-slate-500">Абонент</dt>
            <dd>{payee.holder}</dd>
            <dt className="text-slate-500">Адрес</dt>
            <dd>{payee.address}</dd>
            <dt className="text-slate-500">Сумма</dt>
            <dd className="font-semibold tabular-nums" data-testid="guest-amount">
              {formatRub(payee.amountKopecks)}
            </dd>
          </dl>
          <ActionForm
            schema={guestConfirmSchema}
            action={payAction}
            defaultValues={{ ticket: payee.ticket, gateway: gateways.length > 1 ? gateways[0]!.value : '' }}
          >
            <input type="hidden" name="ticket" value={payee.ticket} />
            <GatewaySelect gateways={gateways} />
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
        label="Номер лицевого счёта, ЕЛС, ИЖКУ или ИПД"
        hint="Любой из них напечатан в квитанции: номер счёта — цифры, идентификаторы ГИС ЖКХ — с буквами, например 50АБ010001-01-0001"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
      />
      <TextField
        name="amount"
        label="Сумма, ₽"
        hint="По ИПД можно не указывать: оплатится то, что осталось по этой квитанции"
        inputMode="decimal"
        autoComplete="off"
      />
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
