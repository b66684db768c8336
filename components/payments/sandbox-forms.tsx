'use client';

import { ActionForm, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const sandbox3dsSchema = lazySchema(() => import('@/lib/payments/gateway/sandbox/schemas'), 'sandbox3dsSchema');
const sandboxCardSchema = lazySchema(() => import('@/lib/payments/gateway/sandbox/schemas'), 'sandboxCardSchema');

type Step = { step: '3ds'; cardMask: string; proof: string } | { step: 'done'; redirectTo?: string };

/** The sandbox gateway's card page: card details, then (for 3-D Secure cards) the SMS code. */
export function SandboxPaymentForms({
  request,
  payAction,
  confirmAction,
}: {
  request: string;
  payAction: FormAction<Step>;
  confirmAction: FormAction<Step>;
}) {
  return (
    <ActionForm
      schema={sandboxCardSchema}
      action={payAction}
      defaultValues={{ request, card: '', expiry: '', cvv: '' }}
      successContent={(result) =>
        result.step === '3ds' ? (
          <ActionForm
            schema={sandbox3dsSchema}
            action={confirmAction}
            defaultValues={{ request, cardMask: result.cardMask, proof: result.proof, code: '' }}
          >
            <p>
              Банк отправил SMS с кодом подтверждения на телефон владельца карты {result.cardMask}. В песочнице код —{' '}
              <strong>12345</strong>.
            </p>
            <input type="hidden" name="request" value={request} />
            <input type="hidden" name="cardMask" value={result.cardMask} />
            <input type="hidden" name="proof" value={result.proof} />
            <TextField
              name="code"
              label="Код из SMS (3-D Secure)"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
            />
            <SubmitButton pendingLabel="Проверяем…">Подтвердить</SubmitButton>
          </ActionForm>
        ) : (
          <p>Возвращаемся в магазин…</p>
        )
      }
    >
      <input type="hidden" name="request" value={request} />
      <TextField
        name="card"
        label="Номер карты"
        inputMode="numeric"
        autoComplete="cc-number"
        placeholder="4111 1111 1111 1111"
        required
      />
      <div className="grid grid-cols-2 gap-4">
        <TextField name="expiry" label="Срок действия" placeholder="ММ/ГГ" autoComplete="cc-exp" required />
        <TextField name="cvv" label="CVC/CVV" inputMode="numeric" autoComplete="cc-csc" required />
      </div>
      <SubmitButton pendingLabel="Оплачиваем…">Оплатить</SubmitButton>
    </ActionForm>
  );
}
