import { DEMO_PASSWORD, expect, letterText, linkFromLetter, loginAt, passwordLabel, test } from './support/fixtures';

// The company cabinet as its owner, accountant and a newly invited engineer use it, at 1366 px.
test.use({ viewport: { width: 1366, height: 900 } });
// Documents are drawn on request and a letter goes through the outbox: more than the default 30 s
// on a busy machine.
test.describe.configure({ timeout: 90_000 });

test('the owner sees the company, its contracts, debts apart and the curator', async ({ page }) => {
  await loginAt(page, '/lk/login', 'company@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'ООО «Истра-Агро»' })).toBeVisible();
  await expect(page.getByTestId('company-inn')).toHaveText('5017045672 / 501701001');
  await expect(page.getByTestId('curator')).toContainText('Кравцова Анна Михайловна');
  await expect(page.getByTestId('account-number')).toHaveText(['70020001', '70020002', '70020003']);
  await expect(page.getByTestId('company-account').filter({ hasText: '70020002' })).toContainText(
    'Договор № ЮЛ-2021/014-2',
  );
  const nav = page.getByRole('navigation', { name: 'Разделы кабинета' });
  for (const item of ['Обзор', 'Счета и документы', 'Показания', 'Пользователи']) {
    await expect(nav.getByRole('link', { name: item })).toBeVisible();
  }
});

test('the owner invites an engineer, who sets a password and sees only the engineer’s parts', async ({ page }) => {
  const email = `engineer-${Date.now()}@example.com`;
  await loginAt(page, '/lk/login', 'company@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  await page.goto('/lk/users');
  const invite = page.getByRole('form', { name: 'Пригласить пользователя' });
  await invite.getByLabel(/ФИО сотрудника/).fill('Новиков Артём Ильич');
  await invite.getByLabel(/Рабочая электронная почта/).fill(email);
  await invite.getByLabel(/^Роль/).selectOption('engineer');
  await invite.getByRole('button', { name: 'Пригласить' }).click();
  await expect(invite).toContainText('Приглашение отправлено на');
  const row = page.getByTestId('member').filter({ hasText: email });
  await expect(row).toContainText('приглашён, пароль не задан');
  await expect(row.getByTestId('member-role')).toHaveText('Энергетик');
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/lk\/login$/);

  expect(await letterText(page, email, /Приглашение в кабинет/)).toContain('Ваша роль: Энергетик');
  const link = await linkFromLetter(page, email, /Приглашение в кабинет/, '/lk/invite');
  await page.goto(link);
  await expect(page.getByText('ООО «Истра-Агро»')).toBeVisible();
  await page.getByLabel(passwordLabel).fill('Novikov-parol-2026');
  await page.getByLabel(/^Пароль ещё раз/).fill('Novikov-parol-2026');
  await page.getByLabel(/Согласен на обработку персональных данных/).check();
  await page.getByRole('button', { name: 'Принять приглашение' }).click();
  await expect(page).toHaveURL(/\/lk\/login\?invited=1$/);

  await loginAt(page, '/lk/login', email, 'Novikov-parol-2026');
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  const nav = page.getByRole('navigation', { name: 'Разделы кабинета' });
  await expect(nav.getByRole('link', { name: 'Показания' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Счета и документы' })).toHaveCount(0);
  await page.goto('/lk/bills');
  await expect(page.getByTestId('role-denied')).toContainText('«Энергетик»');
  await page.goto('/lk/users');
  await expect(page.getByTestId('role-denied')).toBeVisible();
  await page.goto('/lk/readings');
  await expect(page.getByTestId('meter')).toHaveCount(3);

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Ссылка устарела или уже использована');
});

test('the accountant downloads the invoice, the счёт-фактура and the period’s ZIP', async ({ page }) => {
  await loginAt(page, '/lk/login', 'accountant@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  await expect(page.getByTestId('total-overdue')).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Разделы кабинета' })
    .getByRole('link', { name: 'Счета и документы' })
    .click();
  await expect(page).toHaveURL(/\/lk\/bills$/);
  await expect(page.getByTestId('company-bill')).toHaveCount(3);
  const invoiceHref = await page.getByTestId('invoice-link').first().getAttribute('href');
  const factureHref = await page.getByTestId('facture-link').first().getAttribute('href');
  for (const href of [invoiceHref!, factureHref!]) {
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('period-zip').click()]);
  expect(download.suggestedFilename()).toMatch(/^dokumenty-\d{4}-\d{2}\.zip$/);
  await page.goto('/lk/users');
  await expect(page.getByTestId('role-denied')).toContainText('«Бухгалтер»');
});
