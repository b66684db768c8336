import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';

// In the browser: the history of readings and consumption. Petrov (50010002,
// 2-zone meter 009217056004185) has 12 billed months, the last 2 estimated by the average.

const PETROV_METER = '009217056004185';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('Petrov sees the estimated months in the table, why readings are cheaper, and the chart', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/readings/history');
  await expect(page).toHaveTitle(/История показаний и потребления/);

  const meter = page.locator(`[data-testid="meter-history"][data-serial="${PETROV_METER}"]`);
  const table = meter.getByRole('table', { name: `Показания и расход по месяцам, счётчик № ${PETROV_METER}` });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Как определён' })).toBeVisible();
  // 2 estimated months × 2 zones, each saying so; the months with readings say whose they are.
  const estimated = table.getByRole('row').filter({ hasText: 'по среднему' });
  await expect(estimated).toHaveCount(4);
  await expect(estimated.first()).toContainText('нет показаний');
  await expect(estimated.first()).toContainText('₽');
  await expect(table.getByRole('row').filter({ hasText: 'показания абонента' })).toHaveCount(20);
  await expect(table.getByRole('row').filter({ hasText: 'начальные' })).toHaveCount(2);

  const notice = meter.getByTestId('estimated-notice');
  await expect(notice).toContainText(
    /Без показаний, расчётным способом начислено: .+ \(по среднему, .+кВт·ч\), .+ \(по среднему/,
  );
  await expect(notice).toContainText('Почему передавать показания выгоднее');
  await expect(notice).toContainText(/по нормативу на каждого проживающего \(по вашему счёту — 4 чел\./);
  await expect(notice).toContainText(/пересчитают/);
  await expect(notice.getByRole('link', { name: 'Передать показания' })).toHaveAttribute('href', '/fiz/readings');

  // The chart: one image with a summary for assistive technology, an SVG for the eye, hatched estimates.
  const chart = meter.getByTestId('consumption-chart');
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(chart).toHaveAttribute(
    'aria-label',
    /за 12 мес\..*без показаний, расчётным способом, начислено 2 мес\..*в таблице/,
  );
  await expect(chart.locator('svg.recharts-surface')).toHaveCount(2);
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(chart.locator('path.recharts-rectangle')).toHaveCount(24);
  await expect(chart.locator('path.recharts-rectangle[fill^="url(#hatch-"]')).toHaveCount(4);
  await expect(chart.getByText('по среднему/нормативу')).toBeVisible();
  await expect(chart.getByText(/^(янв|фев|мар|апр|май|июн|июл|авг|сен|окт|ноя|дек) \d{2}$/).first()).toBeVisible();

  // A 360 px phone: the page does not scroll sideways (the table scrolls in its own box), the chart fits.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const box = await chart.locator('svg.recharts-surface').first().boundingBox();
  expect(box!.width).toBeLessThanOrEqual(360);
  expect(box!.width).toBeGreaterThan(200);
});

test('without JavaScript the table is all there and the chart leaves a pointer to it', async ({ page, browser }) => {
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
    locale: 'ru-RU',
  });
  try {
    const plain = await noJs.newPage();
    const response = await plain.goto('/fiz/readings/history');
    expect(response?.status()).toBe(200);
    const meter = plain.locator(`[data-testid="meter-history"][data-serial="${PETROV_METER}"]`);
    await expect(meter.getByRole('table').getByRole('row').filter({ hasText: 'по среднему' })).toHaveCount(4);
    await expect(meter.getByTestId('consumption-chart')).toContainText('Все значения графика — в таблице ниже.');
    await expect(meter.getByTestId('consumption-chart').locator('svg')).toHaveCount(0);
  } finally {
    await noJs.close();
  }
});

test("another subscriber's account is a 404, not their history", async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/readings/history');
  const section = page.getByTestId('account-history');
  await expect(section).toHaveCount(1);
  const petrovAccountId = await section.getAttribute('data-account-id');
  expect(petrovAccountId).toMatch(UUID);
  // The owner may ask for the account by id.
  const own = await page.goto(`/fiz/readings/history?account=${petrovAccountId}`);
  expect(own?.status()).toBe(200);
  await expect(page.getByTestId('account-history')).toHaveAttribute('data-account-number', '50010002');

  await page.context().clearCookies();
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  const foreign = await page.goto(`/fiz/readings/history?account=${petrovAccountId}`);
  expect(foreign?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();
  await expect(page.getByTestId('account-history')).toHaveCount(0);
  await expect(page.getByText(PETROV_METER)).toHaveCount(0);

  // Her own history is still there.
  await page.goto('/fiz/readings/history');
  await expect(page.getByTestId('account-history')).toHaveAttribute('data-account-number', '50010001');
});
