import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Presses Tab (as a keyboard user does, from wherever focus is) until `target` has focus, and checks
 * that the focused control shows a focus ring. Fails when `target` cannot be reached by Tab.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      await expectVisibleFocus(target);
      return;
    }
  }
  throw new Error(`${target} is not reachable with Tab in ${maxPresses} presses`);
}

/** A keyboard user sees where focus is: an outline (the :focus-visible ring) of real width. */
async function expectVisibleFocus(target: Locator): Promise<void> {
  const ring = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow };
  });
  expect(
    (ring.style !== 'none' && ring.width >= 2) || ring.shadow !== 'none',
    `focus ring on ${target}: ${JSON.stringify(ring)}`,
  ).toBe(true);
}

/** Logs in at the household door with the keyboard alone: Tab to each field, type, Enter. */
export async function loginByKeyboard(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/fiz/login');
  await tabTo(page, page.locator('input[name="login"]'));
  await page.keyboard.type(login);
  await tabTo(page, page.locator('input[name="password"]'));
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}
