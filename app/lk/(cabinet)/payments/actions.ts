'use server';

import { redirect } from 'next/navigation';
import { companyAction } from '@/lib/company/action';
import { startCabinetPayment } from '@/lib/payments/cabinet-start';
import { cabinetPaymentSchema, severalAccountsPaymentSchema } from '@/lib/payments/schemas';
import { fail } from '@/lib/actions/result';
import { requestContext } from '@/lib/http/request-context';
import { chosenGateway } from '@/lib/payments/gateways';
import { startSeveralAccountsPayment } from '@/lib/payments/several';
import { paymentGoHref } from '@/lib/payments/status-link';

// companyAction checks the session, the role (owner or accountant) and that accountId is one of the
// company's accounts before anything is recorded; the payment is then the household one exactly.
export const payCompanyAccount = companyAction('payments', cabinetPaymentSchema, async (input, member) => {
  redirect(await startCabinetPayment(member.user, { ...input, rememberCard: false }));
});

/** Several metering points in one payment; each ticked account is checked as the company's in startSeveralAccountsPayment. */
export const payCompanyAccounts = companyAction('payments', severalAccountsPaymentSchema, async (input, member) => {
  const { ip } = await requestContext();
  const outcome = await startSeveralAccountsPayment(member.user, input.accountIds, chosenGateway(input.gateway), {
    ip,
  });
  if (!outcome.ok) return fail(outcome.message, { accountIds: outcome.message });
  redirect(paymentGoHref(outcome.paymentId));
});
