'use client';

import Link from 'next/link';
import { ActionForm, SelectField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const cabinetPaymentFinderSchema = lazySchema(
  () => import('@/lib/support/payment-finder-schema'),
  'cabinetPaymentFinderSchema',
);
const guestPaymentFinderSchema = lazySchema(
  () => import('@/lib/support/payment-finder-schema'),
  'guestPaymentFinderSchema',
);

interface Finding {
  outcome: 'credited' | 'refunded' | 'pending' | 'not_completed' | 'not_found';
  title: string;
  advice: string;
}

type FinderAction = FormAction<{ finding: Finding }>;

function FindingView({ finding, again }: { finding: Finding; again: string }) {
  return (
    <div className="space-y-3" data-testid="payment-finding" data-outcome={finding.outcome}>
      <p className="font-semibold">{finding.title}</p>
      <p>{finding.advice}</p>
      {finding.outcome === 'not_found' || finding.outcome === 'not_completed' ? (
        <p>
          <Link href="/contacts">Куда написать</Link>
        </p>
      ) : null}
      <p className="text-sm">
        {/* A full load: the previous answer must not stay in the form's state. */}
        <a href={again}>Проверить другой платёж</a>
      </p>
    </div>
  );
}

const dateAndAmount = (
  <>
    <TextField name="paidOn" type="date" label="Дата оплаты" hint="Как в чеке или выписке банка" required />
    <TextField name="amount" label="Сумма, ₽" inputMode="decimal" autoComplete="off" required />
  </>
);

export function CabinetPaymentFinderForm({
  action,
  accounts,
}: {
  action: FinderAction;
  accounts: { id: string; label: string }[];
}) {
  return (
    <ActionForm
      schema={cabinetPaymentFinderSchema}
      action={action}
      defaultValues={{ accountId: accounts[0]?.id ?? '', paidOn: '', amount: '' }}
      aria-label="Найти платёж"
      successContent={({ finding }) => <FindingView finding={finding} again="/fiz/payments/not-credited" />}
    >
      {accounts.length > 1 ? (
        <SelectField
          name="accountId"
          label="Лицевой счёт"
          options={accounts.map((a) => ({ value: a.id, label: a.label }))}
        />
      ) : (
        <>
          <input type="hidden" name="accountId" value={accounts[0]?.id ?? ''} />
          <p>Лицевой счёт {accounts[0]?.label}</p>
        </>
      )}
      {dateAndAmount}
      <SubmitButton pendingLabel="Ищем…">Найти платёж</SubmitButton>
    </ActionForm>
  );
}

export function GuestPaymentFinderForm({ action }: { action: FinderAction }) {
  return (
    <ActionForm
      schema={guestPaymentFinderSchema}
      action={action}
      defaultValues={{ accountNumber: '', paidOn: '', amount: '' }}
      aria-label="Найти платёж"
      successContent={({ finding }) => <FindingView finding={finding} again="/pay/not-credited" />}
    >
      <TextField
        name="accountNumber"
        label="Номер лицевого счёта"
        hint="Напечатан в квитанции и в договоре"
        inputMode="numeric"
        autoComplete="off"
        required
      />
      {dateAndAmount}
      <SubmitButton pendingLabel="Ищем…">Найти платёж</SubmitButton>
    </ActionForm>
  );
}
