import { expectAccessible } from './support/axe';
import { DEMO_PASSWORD, expect, loginAt, newDevice, signInStaff, test } from './support/fixtures';

// A company's people are told of an outage at the company's metering point: Зайцев, the engineer
// of ООО «Истра-Агро» (70020002, д. Лешково, ул. Промышленная, 3), asks for outage letters at
// /lk/notifications; staff publish an emergency outage on that street; the letter is in the
// development mailbox and the company cabinet's notification centre lists it. No other journey
// publishes an outage there or changes his settings.

test('an outage at the company’s metering point reaches its engineer by e-mail, and /lk/notifications lists it', async ({
  page,
  browser,
}) => {
  await loginAt(page, '/lk/login', 'engineer@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/);
  await page.goto('/lk/notifications');
  const prefs = page.locator('section', { has: page.getByRole('heading', { name: 'Настройки' }) });
  await prefs.getByRole('group', { name: 'Отключение по моему адресу' }).getByLabel('Эл. почта').check();
  await prefs.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(prefs.getByText('Настройки уведомлений сохранены')).toBeVisible();

  const staff = await newDevice(browser, '198.51.97.47');
  await signInStaff(staff, 'operator@example.com');
  await staff.goto('/admin/outages');
  await staff.getByRole('link', { name: 'Аварийное отключение' }).click();
  const form = staff.getByRole('form', { name: 'Аварийное отключение' });
  await form.getByLabel('Населённый пункт').selectOption('д. Лешково');
  await form.getByLabel('ул. Промышленная').check();
  await form.getByLabel('Дома на улице ул. Промышленная').fill('1–5');
  await form.getByLabel('Восстановим ориентировочно через').selectOption('3');
  await form.getByLabel('Причина').fill(`замена опоры ${Date.now()}`);
  await form.getByRole('button', { name: 'Опубликовать отключение' }).click();
  await expect(staff.getByTestId('outage-published')).toBeVisible();

  await page.goto('/dev/mailbox?to=engineer%40example.com');
  await expect(
    page.getByRole('link', { name: 'Аварийное отключение электроэнергии: д. Лешково' }).first(),
  ).toBeVisible();

  await page.goto('/lk/notifications');
  const centre = page.getByTestId('notification-centre');
  await expect(
    centre
      .locator('tbody tr', { hasText: 'Аварийное отключение электроэнергии: д. Лешково' })
      .filter({ hasText: 'Эл. почта' })
      .first(),
  ).toContainText('engineer@example.com');
  await expectAccessible(page, '/lk/notifications');
  await staff.context().close();
});
