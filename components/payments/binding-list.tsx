import type { FormAction } from '@/lib/actions/result';
import { formatDate } from '@/lib/format/dates';
import { BINDING_PURPOSE_LABEL, cardLabel, type BindingView } from '@/lib/payments/bindings';
import { BindingChargeForm, DeleteBindingForm } from './binding-forms';
import type { PayableAccount } from './cabinet-payment-form';

/**
 * The user's bound cards on /fiz/payments: the masked number, what the card pays for, and two
 * actions — a one-click charge (only for a binding this page's payments can use) and «Удалить».
 */
export function BindingList({
  bindings,
  gatewayId,
  accounts,
  selected,
  charge,
  remove,
}: {
  bindings: BindingView[];
  /** The active gateway; a binding made through another one cannot be charged. */
  gatewayId: string;
  accounts: PayableAccount[];
  selected: string;
  charge: FormAction;
  remove: FormAction;
}) {
  if (bindings.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="no-bindings">
        Привязанных карт нет. Отметьте «Запомнить карту для следующих платежей» при оплате — и следующие платежи будут в
        один клик.
      </p>
    );
  }
  return (
    <ul className="grid gap-4">
      {bindings.map((b) => {
        const label = cardLabel(b.cardMask);
        const usable = b.purpose === 'electricity' && b.gateway === gatewayId && accounts.length > 0;
        return (
          <li key={b.id} className="card grid gap-4" data-testid="card-binding">
            <div>
              <p className="font-semibold">
                {label}{' '}
                <span className="font-mono text-sm font-normal text-slate-600" data-testid="card-mask">
                  {b.cardMask}
                </span>
              </p>
              <p className="text-sm text-slate-600">
                Для: {BINDING_PURPOSE_LABEL[b.purpose]} · привязана {formatDate(b.createdAt)}
              </p>
              {b.gateway !== gatewayId ? (
                <p className="text-sm text-slate-600">
                  Привязана через другой платёжный сервис: оплатить ею нельзя, только удалить.
                </p>
              ) : null}
            </div>
            {usable ? (
              <BindingChargeForm
                action={charge}
                bindingId={b.id}
                cardLabel={label}
                accounts={accounts}
                selected={selected}
              />
            ) : null}
            <DeleteBindingForm action={remove} bindingId={b.id} cardLabel={label} />
          </li>
        );
      })}
    </ul>
  );
}
