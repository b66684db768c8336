import { hasDatabase } from './support/db';
import { test } from './support/fixtures';
import { payBySms } from './support/sms-payment-journey';

// Pay by SMS at 1366 px (the 360 px journey: sms-payment.mobile.spec.ts); the journey is in
// support/sms-payment-journey.ts. It needs the server's database for a household of its own.
test.skip(!hasDatabase, 'needs DATABASE_URL: the journey writes its own household');

test('«ОПЛАТА 150» by SMS, a wrong code refused, the code charges the bound card and the money is credited', async ({
  page,
}) => {
  await payBySms(page, 'smspay-desktop');
});
