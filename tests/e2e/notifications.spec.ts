import { expectAccessible } from './support/axe';
import { DEMO_PASSWORD, expect, linkFromLetter, loginAt, newDevice, test, signInStaff } from './support/fixtures';

// Notifications end to end: Sidorova (50010003, г. Истра, ул. Садовая, 19) asks for outage SMS in
// her profile; staff publish an emergency outage on her street; the e-mail and the SMS are in the
// development mailbox, and her notification centre lists both.

test('an outage at the subscriber’s street reaches her by e-mail and SMS, and the notification centre lists them', async ({
  page,
  browser,
}) => {
  await loginAt(page, '/fiz/login', '50010003', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/profile');
  const prefs = page.locator('section', { has: page.getByRole('heading', { name: 'Уведомления' }) });
  const outage = prefs.getByRole('group', { name: 'Отключение по моему адресу' });
  await outage.getByLabel('Эл. почта').check();
  await outage.getByLabel('СМС').check();
  await prefs.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(prefs.getByText('Настройки уведомлений сохранены')).toBeVisible();

  const reason = `повреждение кабеля ${Date.now()}`;
  const staff = await newDevice(browser, '198.51.97.41');
  await signInStaff(staff, 'operator@example.com');
  await staff.goto('/admin/outages');
  await staff.getByRole('link', { name: 'Аварийное отключение' }).click();
  const form = staff.getByRole('form', { name: 'Аварийное отключение' });
  await form.getByLabel('Населённый пункт').selectOption('г. Истра');
  await form.getByLabel('ул. Садовая').check();
  await form.getByLabel('Дома на улице ул. Садовая').fill('15–25');
  await form.getByLabel('Восстановим ориентировочно через').selectOption('3');
  await form.getByLabel('Причина').fill(reason);
  await form.getByRole('button', { name: 'Опубликовать отключение' }).click();
  await expect(staff.getByTestId('outage-published')).toBeVisible();

  await page.goto('/dev/mailbox?to=sidorova%40example.com');
  await expect(page.getByRole('link', { name: 'Аварийное отключение электроэнергии: г. Истра' }).first()).toBeVisible();
  // Newest first: the SMS of this outage is the first for these houses.
  const sms = page
    .getByTestId('sms-mailbox')
    .locator('tbody tr', { hasText: 'аварийное отключение, г. Истра, ул. Садовая, д. 15–25' })
    .first();
  await expect(sms).toContainText('+7 (925) 308-91-12');
  // Delivery runs in the background right after the publication: the page is read again until it shows.
  await expect(async () => {
    await page.reload();
    await expect(sms).toContainText('Отправлено', { timeout: 1000 });
  }).toPass();

  await page.goto('/fiz/notifications');
  const centre = page.getByTestId('notification-centre');
  const rows = centre.locator('tbody tr', { hasText: 'Аварийное отключение электроэнергии: г. Истра' });
  await expect(rows.filter({ hasText: 'Эл. почта' }).first()).toContainText('sidorova@example.com');
  await expect(rows.filter({ hasText: 'СМС' }).first()).toContainText('отправлено');
  await expectAccessible(page, '/fiz/notifications');
  await staff.context().close();
});

test('a news letter’s unsubscribe link works without a login, and a forged one is refused', async ({
  page,
  browser,
}) => {
  // Ivanova subscribes to the news by e-mail in her profile (on her own device).
  const ivanova = await newDevice(browser, '198.51.97.43');
  await loginAt(ivanova, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(ivanova).toHaveURL(/\/fiz$/);
  await ivanova.goto('/fiz/profile');
  const newsByEmail = ivanova.getByRole('group', { name: 'Новости' }).getByLabel('Эл. почта');
  await newsByEmail.check();
  await ivanova.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(ivanova.getByText('Настройки уведомлений сохранены')).toBeVisible();

  const staff = await newDevice(browser, '198.51.97.42');
  await signInStaff(staff, 'operator@example.com');
  await staff.goto('/admin/news/new');
  const title = `Новый офис обслуживания ${Date.now()}`;
  await staff.getByLabel('Заголовок').fill(title);
  await staff.getByLabel('Кратко').fill('Открылся офис на ул. Советской');
  await staff.getByLabel('Текст').fill('Приём абонентов по будням.');
  await staff.getByLabel('Публикация').selectOption('now');
  await staff.getByRole('button', { name: 'Сохранить' }).click();
  await expect(staff.getByTestId('news-saved')).toContainText('Опубликовано');
  await staff.context().close();

  // Nobody is logged in in this browser: the link alone unsubscribes.
  const link = await linkFromLetter(page, 'ivanova@example.com', new RegExp(title), '/unsubscribe/');
  await expectAccessible(page, link);
  await expect(page.getByText('Больше не присылать письма «Новости» на адрес ivanova@example.com?')).toBeVisible();
  await page.getByRole('button', { name: 'Отписаться' }).click();
  await expect(page.locator('p.notice')).toHaveText('Вы отписались. Письма этой рассылки больше не придут.');

  await page.goto(`${link.slice(0, -4)}AAAA`);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Ссылка для отписки неверна или устарела');

  await ivanova.reload();
  await expect(newsByEmail).not.toBeChecked();
  await ivanova.context().close();
});
