import { expect, test, signInStaff } from './support/fixtures';

// The accounts registry as an operator uses it: find Kuznetsov's account (50010004, no cabinet of
// its own) by his meter's serial, add a balance adjustment with a reason, and see the balance move
// by exactly that amount. Other journeys pay into this account, so the check is relative.

const KUZNETSOV_METER = '011075132904417';

test('find an account by a meter serial, add an adjustment, and the balance moves', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  await page.getByRole('link', { name: 'Лицевые счета' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Лицевые счета');

  await page.getByLabel('Номер, ФИО, адрес, телефон, e-mail или счётчик').fill(KUZNETSOV_METER);
  await page.getByRole('button', { name: 'Найти' }).click();
  const rows = page.getByTestId('account-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-number', '50010004');
  await rows.first().getByRole('link', { name: '50010004' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Лицевой счёт 50010004');
  await expect(page.locator(`[data-testid="card-meter"][data-serial="${KUZNETSOV_METER}"]`)).toBeVisible();
  const balance = page.getByTestId('card-balance');
  const before = Number(await balance.getAttribute('data-kopecks'));

  const form = page.getByRole('form', { name: 'Корректировка баланса' });
  await form.getByLabel('Что сделать').selectOption('credit');
  await form.getByLabel('Сумма, ₽').fill('123,45');
  // Without a reason nothing is posted.
  await form.getByRole('button', { name: 'Провести корректировку' }).click();
  await expect(form.getByText('Опишите причину корректировки — хотя бы 5 символов')).toBeVisible();
  await expect(balance).toHaveAttribute('data-kopecks', String(before));

  await form.getByLabel('Причина').fill('Перерасчёт по заявлению, e2e');
  await form.getByRole('button', { name: 'Провести корректировку' }).click();
  await expect(page.getByTestId('card-notice')).toHaveText('Корректировка проведена: баланс изменился.');
  await expect(balance).toHaveAttribute('data-kopecks', String(before - 123_45));
  const newest = page.getByTestId('ledger-row').first();
  await expect(newest).toHaveAttribute('data-kind', 'adjustment');
  await expect(newest).toContainText('Корректировка: Перерасчёт по заявлению, e2e');
  await expect(newest).toContainText('−123,45');
});

test('find an account by its ЕЛС and correct its ИЖКУ on the card, audited', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  await page.goto('/admin/accounts');
  // Kuznetsov's demo ЕЛС (db/seed/accounts.ts), read off his bill and typed with Latin letters.
  await page.getByLabel('Номер, ФИО, адрес, телефон, e-mail или счётчик').fill('50AБ010004');
  await page.getByRole('button', { name: 'Найти' }).click();
  const rows = page.getByTestId('account-row');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('link', { name: '50010004' }).click();
  await expect(page.getByTestId('card-els')).toHaveText('50АБ010004');
  await expect(page.getByTestId('card-izhku')).toHaveText('50АБ010004-01');

  const form = page.getByRole('form', { name: 'Идентификаторы ГИС ЖКХ' });
  await form.getByLabel(/^ИЖКУ/).fill('50АБ010002-01');
  await form.getByRole('button', { name: 'Сохранить идентификаторы' }).click();
  await expect(form.getByText('ИЖКУ начинается с ЕЛС счёта: 50АБ010004-01, 50АБ010004-02…')).toBeVisible();

  await form.getByLabel(/^ИЖКУ/).fill('50АБ010004-02');
  await form.getByRole('button', { name: 'Сохранить идентификаторы' }).click();
  await expect(page.getByTestId('card-notice')).toHaveText('Идентификаторы ГИС ЖКХ сохранены.');
  await expect(page.getByTestId('card-izhku')).toHaveText('50АБ010004-02');
  await expect(page.locator('[data-action="account.gis_ids_changed"]').first()).toBeVisible();

  // Back as the demo has it, for the journeys that read it.
  await page.getByRole('form', { name: 'Идентификаторы ГИС ЖКХ' }).getByLabel(/^ИЖКУ/).fill('50АБ010004-01');
  await page
    .getByRole('form', { name: 'Идентификаторы ГИС ЖКХ' })
    .getByRole('button', { name: 'Сохранить идентификаторы' })
    .click();
  await expect(page.getByTestId('card-izhku')).toHaveText('50АБ010004-01');
});
