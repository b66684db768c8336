import { expect, type Locator, type Page } from '@playwright/test';

// The development mailbox's SMS side: an SMS sent to the app «from» a phone (as SMS.ru would
// deliver it), and the app's SMS to that person, newest first.

/** Sends an SMS to the app from `phone` with the mailbox's form; waits for the form's «sent». */
export async function sendSmsToApp(page: Page, email: string, phone: string, text: string): Promise<void> {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await page.getByLabel(/^С номера/).fill(phone);
  await page.getByLabel(/^Текст СМС/).fill(text);
  await page.getByRole('button', { name: 'Отправить СМС' }).click();
  // The form gives way to its result.
  await expect(page.getByText('СМС отправлено. Ответное СМС — в списке ниже.').first()).toBeVisible();
}

/** The newest SMS to the user with this e-mail whose text matches, read again until it shows. */
export async function smsTo(page: Page, email: string, text: RegExp | string): Promise<Locator> {
  const row = page.getByTestId('sms-mailbox').locator('tbody tr', { hasText: text }).first();
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    await expect(row).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  return row;
}
