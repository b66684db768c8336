import { expect, test } from '@playwright/test';

// The public site, against the production build and the demo data.

test('home shows the emergency phone, current outages, latest news and the entry points', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Энергокабинет/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('main').getByText('8-995-00-99')).toBeVisible();
  await expect(page.getByRole('link', { name: /Личный кабинет — физическим лицам/ })).toHaveAttribute(
    'href',
    '/fiz/login',
  );
  await expect(page.getByRole('link', { name: /Личный кабинет — юридическим лицам/ })).toHaveAttribute(
    'href',
    '/lk/login',
  );
  await expect(page.getByRole('main').getByRole('link', { name: /Оплатить без регистрации/ })).toHaveAttribute(
    'href',
    '/pay',
  );
  await expect(page.getByText('ул. Центральная, ул. Полевая')).toBeVisible();
  // The latest news, newest first (other journeys publish news of their own, so which ones varies).
  const news = page.getByRole('region', { name: 'Новости' });
  await expect(news.getByRole('link', { name: 'Все новости' })).toHaveAttribute('href', '/news');
  await expect(news.locator('a[href^="/news/"]').first()).toBeVisible();
});

test('tariffs show the current prices and the history of changes', async ({ page }) => {
  await page.goto('/tariffs');
  await expect(page).toHaveTitle(/Тарифы на электроэнергию/);
  await expect(page.getByRole('heading', { name: /Действующие тарифы \(с 01\.10\.2026\)/ })).toBeVisible();
  const history = page.getByRole('table').filter({ has: page.getByText('Цены за 1 кВт·ч по периодам действия') });
  // 8,90 ₽ was the urban one-rate price from 01.01.2026 to 30.09.2026.
  await expect(history.getByRole('columnheader', { name: '01.01.2026 – 30.09.2026' })).toBeVisible();
  await expect(history.getByText('8,90\u00a0₽').first()).toBeVisible();
  await expect(history.getByText('8,00\u00a0₽').first()).toBeVisible();
});

test('outages can be filtered by street and by settlement', async ({ page }) => {
  await page.goto('/outages');
  await expect(page.getByText(/ул\. Советская/)).toBeVisible();
  await expect(page.getByText('ул. Центральная, ул. Полевая')).toBeVisible();

  await page.getByLabel('Населённый пункт или улица').fill('советская');
  await page.getByRole('button', { name: 'Найти' }).click();
  await expect(page).toHaveURL(/place=/);
  await expect(page.getByText(/ул\. Советская/)).toBeVisible();
  await expect(page.getByText('ул. Центральная, ул. Полевая')).toHaveCount(0);

  await page.goto('/outages?place=' + encodeURIComponent('Лечищево') + '&kind=emergency');
  await expect(page.getByText('ул. Центральная, ул. Полевая')).toBeVisible();
  await expect(page.getByText(/ул\. Советская/)).toHaveCount(0);

  await page.goto('/outages?place=' + encodeURIComponent('Нетакогосела'));
  await expect(page.getByText('По вашему запросу текущих и предстоящих отключений не найдено.')).toBeVisible();
});

test('news list links to the article', async ({ page }) => {
  await page.goto('/news');
  await page.getByRole('link', { name: 'Тарифы на электроэнергию с 1 октября 2026 года' }).click();
  await expect(page).toHaveURL(/\/news\/tarify-s-1-oktyabrya-2026$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Тарифы на электроэнергию с 1 октября 2026 года' }),
  ).toBeVisible();
  await expect(page).toHaveTitle(/Тарифы на электроэнергию с 1 октября 2026 года/);
});

test('documents list the refund procedure, which opens as a page', async ({ page }) => {
  await page.goto('/documents');
  await page.getByRole('link', { name: 'Порядок возврата денежных средств' }).click();
  await expect(page).toHaveURL(/\/documents\/poryadok-vozvrata$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Порядок возврата денежных средств' })).toBeVisible();
});

test('services show the paid works with prices', async ({ page }) => {
  await page.goto('/services');
  await expect(page.getByRole('heading', { name: 'Электромонтажные работы' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Восстановление электрощитов' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /₽$/ }).first()).toBeVisible();
});

test('contacts show the department phones and e-mail', async ({ page }) => {
  await page.goto('/contacts');
  await expect(page.getByRole('link', { name: '8-994-52-19' })).toBeVisible();
  await expect(page.getByRole('link', { name: '8-994-51-55' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'elset@list.ru' }).first()).toBeVisible();
  // The social pages the test server is configured with (SOCIAL_LINKS in playwright.config.ts).
  const social = page.getByRole('region', { name: 'Мы в социальных сетях' });
  await expect(social.getByRole('link', { name: /ВКонтакте/ })).toHaveAttribute(
    'href',
    'https://vk.com/energokabinet-e2e',
  );
});

test('an unknown address answers 404 in Russian with the site chrome', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'На главную' })).toBeVisible();
  const missingNews = await page.goto('/news/no-such-news');
  expect(missingNews?.status()).toBe(404);
});

test('every public page has its own title, the shared header and footer', async ({ page }) => {
  const titles: Record<string, RegExp> = {
    '/': /Энергокабинет/,
    '/tariffs': /Тарифы/,
    '/outages': /Отключения/,
    '/news': /Новости/,
    '/documents': /Документы/,
    '/services': /Платные услуги/,
    '/contacts': /Контакты/,
  };
  for (const [path, title] of Object.entries(titles)) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page, path).toHaveTitle(title);
    await expect(page.getByRole('banner').getByText('Энергокабинет')).toBeVisible();
    await expect(page.getByRole('contentinfo').getByText('МУП «Объединение Истринские электросети»')).toBeVisible();
  }
});
