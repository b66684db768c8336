import { expect, type Page } from '@playwright/test';

/** The sandbox's card that pays (its other test cards decline or need no 3-D Secure step). */
const PAYING_CARD = '4111 1111 1111 1111';

/** On the sandbox gateway's card page: types a card and sends it. */
export async function submitSandboxCard(page: Page, cardNumber: string): Promise<void> {
  await page.getByLabel(/^Номер карты/).fill(cardNumber);
  await page.getByLabel(/^Срок действия/).fill('12/30');
  await page.getByLabel(/^CVC/).fill('123');
  await page.getByRole('button', { name: 'Оплатить', exact: true }).click();
}

/** Pays on the sandbox's card page with the card that pays and its 3-D Secure code: the success page. */
export async function payWithSandboxCard(page: Page): Promise<void> {
  await submitSandboxCard(page, PAYING_CARD);
  await page.getByLabel(/Код из SMS/).fill('12345');
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(page).toHaveURL(/\/payments\/success\?/);
  await expect(page.getByTestId('payment-status')).toContainText('Оплата получена');
}
