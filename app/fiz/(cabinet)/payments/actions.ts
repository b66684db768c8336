'use server';

import { redirect } from 'next/navigation';
import { fail } from '@/lib/actions/result';
import { userAction } from '@/lib/actions/validated';
import { requestContext } from '@/lib/http/request-context';
import { activeGateway, chosenGateway } from '@/lib/payments/gateways';
import { deleteBinding } from '@/lib/payments/bindings';
import { chargeBinding } from '@/lib/payments/recurring';
import {
  bindingChargeSchema,
  cabinetPaymentSchema,
  deleteBindingSchema,
  severalAccountsPaymentSchema,
} from '@/lib/payments/schemas';
import { startSeveralAccountsPayment } from '@/lib/payments/several';
import { startCabinetPayment } from '@/lib/payments/cabinet-start';
import { paymentGoHref, paymentStatusHref } from '@/lib/payments/status-link';

// userAction checks that accountId is one of this user's accounts before anything is recorded.
export const payFromCabinet = userAction('household', cabinetPaymentSchema, async (input, user) => {
  redirect(await startCabinetPayment(user, input));
});

/**
 * «Оплатить привязанной картой»: one click, no gateway page. The binding's ownership, payment
 * type and the «payee paid before» rule are checked in chargeBinding; the payer then watches the
 * status page, which shows «обрабатывается» until the gateway's notification lands.
 */
export const payWithBinding = userAction('household', bindingChargeSchema, async (input, user) => {
  const { ip } = await requestContext();
  const outcome = await chargeBinding(
    {
      userId: user.id,
      bindingId: input.bindingId,
      accountId: input.accountId,
      amountKopecks: input.amount,
      receiptEmail: user.email,
      ip,
    },
    activeGateway(),
  );
  if (!outcome.ok) return fail(outcome.message);
  redirect(paymentStatusHref(outcome.invId));
});

export const removeBinding = userAction('household', deleteBindingSchema, async (input, user) => {
  const { ip } = await requestContext();
  const removed = await deleteBinding(user.id, input.bindingId, { ip });
  if (!removed.ok) return fail('Карта не найдена среди ваших — возможно, она уже удалена. Обновите страницу');
  redirect(`/fiz/payments?card=removed`);
});

/** A house and a dacha in one payment; every ticked account is checked as the user's in startSeveralAccountsPayment. */
export const paySeveralAccounts = userAction('household', severalAccountsPaymentSchema, async (input, user) => {
  const { ip } = await requestContext();
  const outcome = await startSeveralAccountsPayment(user, input.accountIds, chosenGateway(input.gateway), { ip });
  if (!outcome.ok) return fail(outcome.message, { accountIds: outcome.message });
  redirect(paymentGoHref(outcome.paymentId));
});
