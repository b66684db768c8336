import { expect, test } from './support/fixtures';

// Demo mode says so on every page: public, guest payment, each login door, the cabinet, a 404.

for (const path of ['/', '/pay', '/fiz/login', '/lk/login', '/admin/login', '/no-such-page']) {
  test(`${path} carries the demo banner`, async ({ page }) => {
    await page.goto(path);
    const banner = page.getByTestId('demo-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Демонстрационный режим');
    await expect(banner).toContainText('не списывает деньги');
  });
}
