import { expect, test } from '@playwright/test';

// The help centre as a subscriber uses it: a question in their own words finds the answer, and
// the answer leads to the page that does the thing.

test('«почему начислили по среднему» finds the estimate answer, which leads to the readings page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('banner').getByRole('link', { name: 'Поддержка' }).first().click();
  await expect(page).toHaveURL(/\/support$/);
  await expect(page.getByRole('heading', { name: 'Безопасность и персональные данные' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Найти ответ' }).fill('почему начислили по среднему');
  await page.getByRole('button', { name: 'Найти' }).click();
  await expect(page).toHaveURL(/\/support\?q=/);
  const first = page.getByTestId('help-article').first();
  await expect(first).toContainText('Почему начислили по среднему или по нормативу');

  await first.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/по среднему или по нормативу/);
  await expect(page.getByText(/по нормативу потребления, умноженному на число проживающих/)).toBeVisible();
  await expect(page.getByTestId('help-action')).toHaveAttribute('href', '/fiz/readings');
});

test('a question with no answer says so and points to the contacts', async ({ page }) => {
  await page.goto('/support?q=' + encodeURIComponent('абракадабра'));
  await expect(page.getByRole('heading', { name: /ничего не нашлось/ })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'напишите или позвоните нам' })).toHaveAttribute(
    'href',
    '/contacts',
  );
});
