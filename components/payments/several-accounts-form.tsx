'use client';

import { ActionForm, FieldError, SubmitButton, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { GatewaySelect, type GatewayChoice } from './cabinet-payment-form';

const severalAccountsPaymentSchema = lazySchema(() => import('@/lib/payments/schemas'), 'severalAccountsPaymentSchema');

export interface DueAccount {
  id: string;
  label: string;
  /** «1 234,56 ₽», or null when nothing is due (the box is then disabled). */
  due: string | null;
}

/** «Оплатить несколько счетов»: the ticked accounts' dues in one payment, one receipt. */
export function SeveralAccountsForm({
  action,
  accounts,
  gateways = [],
}: {
  action: FormAction;
  accounts: DueAccount[];
  gateways?: GatewayChoice[];
}) {
  return (
    <ActionForm
      schema={severalAccountsPaymentSchema}
      action={action}
      defaultValues={{ accountIds: [], gateway: gateways.length > 1 ? (gateways[0]?.value ?? '') : '' }}
      aria-label="Оплата нескольких лицевых счетов"
    >
      {(api) => (
        <>
          <fieldset aria-describedby="several-accounts-error">
            <legend className="mb-2 font-medium">Какие счета оплатить</legend>
            <ul className="grid gap-1">
              {accounts.map((a) => (
                <li key={a.id}>
                  <label className="flex min-h-11 items-center gap-3">
                    <input
                      type="checkbox"
                      value={a.id}
                      disabled={a.due === null}
                      {...api.form.register('accountIds')}
                      className="size-6 accent-brand-600"
                      data-testid="several-account"
                    />
                    <span>
                      {a.label} — {a.due === null ? 'задолженности нет' : `к оплате ${a.due}`}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <FieldError id="several-accounts-error">{api.fieldError('accountIds')}</FieldError>
          </fieldset>
          <GatewaySelect gateways={gateways} />
          <p className="text-sm text-slate-600">
            Один платёж на сумму всех отмеченных счетов и один чек, в котором каждый счёт — отдельной строкой.
          </p>
          <SubmitButton pendingLabel="Переходим к оплате…">Оплатить отмеченные счета</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
