import { z } from 'zod';
import { requiredDay } from '@/lib/meters/schemas';
import { accountNumber, paymentAmount } from '@/lib/validation/fields';

// «Платёж не зачислен»: the date and amount the subscriber paid, from the cabinet (one of their
// accounts) or as a guest (the account number from the receipt). Shared by the forms and actions.

const paidOn = requiredDay('Дата оплаты');

export const cabinetPaymentFinderSchema = z.object({
  accountId: z.uuid('Выберите лицевой счёт'),
  paidOn,
  amount: paymentAmount,
});

export const guestPaymentFinderSchema = z.object({ accountNumber, paidOn, amount: paymentAmount });
