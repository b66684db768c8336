import { expect, test, signInStaff } from './support/fixtures';

// Staff publishing as a staff member does it at a desk: a news item from draft to the public list,
// with typed HTML shown as text, and next year's tariff set added beside the one in force.

test('a news item goes from draft to /news at once, HTML typed in shows as text', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  await page.goto('/admin/news/new');
  const title = `График приёма абонентов ${Date.now()}`;
  await page.getByLabel('Заголовок').fill(title);
  await page.getByLabel('Кратко').fill('Меняется время приёма');
  await page
    .getByLabel('Текст')
    .fill('Приём <b>по четвергам</b>.\n\n- с 9:00\n- до 18:00\n\nПодробнее — [контакты](/contacts).');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('news-saved')).toContainText('Черновик сохранён');
  const preview = page.getByTestId('news-preview');
  await expect(preview).toContainText('Приём <b>по четвергам</b>.');
  await expect(preview.locator('li')).toHaveText(['с 9:00', 'до 18:00']);
  await expect(preview.getByRole('link', { name: 'контакты' })).toHaveAttribute('href', '/contacts');

  await page.goto('/news');
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);

  await page.goBack();
  await page.getByLabel('Публикация').selectOption('now');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('news-saved')).toContainText('Опубликовано');

  await page.goto('/news');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('article')).toContainText('Приём <b>по четвергам</b>.');
  await expect(page.locator('article b')).toHaveCount(0);
});

test('next year’s tariff set is added and shown in the history and on /tariffs', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  await page.goto('/admin/tariffs');
  const year = new Date().getUTCFullYear() + 1;
  await page.getByLabel('Категория').selectOption('rural_or_stove');
  await page.getByLabel('Тариф по зонам суток').selectOption('1');
  await page.getByLabel('Действует с 1-го числа месяца').fill(`${year}-01`);
  await page.getByLabel('Круглосуточно').fill('7,77');
  await page.getByLabel(/Основание/).fill(`Распоряжение № 1-Р от ${year - 1} (демо)`);
  await page.getByRole('button', { name: 'Добавить набор тарифов' }).click();
  await expect(page.getByTestId('tariff-added')).toContainText(`01.01.${year}`);
  await expect(page.locator(`[data-from="${year}-01-01"]`)).toContainText('7,77');

  // The same month again overlaps: the database refuses, the form says why.
  await page.getByLabel('Категория').selectOption('rural_or_stove');
  await page.getByLabel('Действует с 1-го числа месяца').fill(`${year}-01`);
  await page.getByLabel('Круглосуточно').fill('8,00');
  await page.getByRole('button', { name: 'Добавить набор тарифов' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'уже действует тариф этой категории' })).toBeVisible();

  await page.goto('/tariffs');
  await expect(page.getByText(`Новые тарифы вступают в силу 01.01.${year}`)).toBeVisible();
  await expect(page.getByRole('table').last()).toContainText('7,77');
});
