'use server';

import { redirect } from 'next/navigation';
import { companyAction } from '@/lib/company/action';
import { startCabinetPayment } from '@/lib/payments/cabinet-start';
import { cabinetPaymentSchema } from '@/lib/payments/schemas';

// companyAction checks the session, the role (owner or accountant) and that accountId is one of the
// company's accounts before anything is recorded; the payment is then the household one exactly.
export const payCompanyAccount = companyAction('payments', cabinetPaymentSchema, async (input, member) => {
  redirect(await startCabinetPayment(member.user, { ...input, rememberCard: false }));
});
