import { expect, test } from './support/fixtures';

// On a 360 px phone the demo banner is there, above the site header, and forces no sideways scroll.

for (const path of ['/', '/fiz/login', '/pay']) {
  test(`${path} shows the demo banner on a phone`, async ({ page }) => {
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
    const banner = page.getByTestId('demo-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Демонстрационный режим');
    const [bannerBox, headerBox] = await Promise.all([banner.boundingBox(), page.getByRole('banner').boundingBox()]);
    expect(bannerBox!.y + bannerBox!.height).toBeLessThanOrEqual(headerBox!.y + 1);
    expect(bannerBox!.width).toBeLessThanOrEqual(360);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
