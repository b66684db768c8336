import { hasDatabase } from './support/db';
import { test } from './support/fixtures';
import { payBySms } from './support/sms-payment-journey';

// Pay by SMS on a 360 px phone: the same journey as sms-payment.spec.ts, with a household of its own.
test.skip(!hasDatabase, 'needs DATABASE_URL: the journey writes its own household');

test('on a phone: «ОПЛАТА 150» by SMS, a wrong code refused, the code charges the bound card', async ({ page }) => {
  await payBySms(page, 'smspay-mobile');
});
