import 'server-only';
import { confirmSmsPayment, SMS_PAYMENT_CODE, startSmsPayment } from '@/lib/payments/sms-payment';
import type { SmsCommand } from './sms-commands';

// «ОПЛАТА» pays the amount due from the card bound for electricity; «ОПЛАТА 1500» pays a sum; with
// several accounts the account's number comes first: «ОПЛАТА 50010001 1500». The answer carries a
// six-digit code, and the reply with only that code confirms the charge.

export const paymentCommand: SmsCommand = {
  words: ['ОПЛАТА', 'ОПЛАТИТЬ'],
  usage:
    'Чтобы оплатить привязанной картой, отправьте: ОПЛАТА (вся сумма к оплате) или ОПЛАТА 1500 — мы пришлём код для подтверждения.',
  run({ sender, args, now }) {
    return startSmsPayment({ userId: sender.userId, args, now });
  },
  async reply({ sender, text, now }) {
    const code = SMS_PAYMENT_CODE.exec(text)?.[1];
    return code ? confirmSmsPayment({ userId: sender.userId, code, now }) : null;
  },
};
