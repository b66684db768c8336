import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './axe';

// What «fits the screen» means for every page, on a 360 px phone and at 1366 px, measured in the page itself.

interface LayoutReport {
  scrollWidth: number;
  innerWidth: number;
  wide: string[];
  broken: string[];
}

/** What sticks out of the screen, and which words of headings and cells are split across lines. */
async function layoutOf(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls =
        typeof el.className === 'string' && el.className
          ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}`
          : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${cls} «${text}»`;
    };
    // Inside a box that scrolls sideways, or clipped away (sr-only): the page itself stays put.
    const contained = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) return true;
      }
      return false;
    };
    const width = window.innerWidth;
    const wide: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.right <= width + 1 && rect.left >= -1) continue;
      if (contained(el)) continue;
      wide.push(`${name(el)} ${Math.round(rect.left)}…${Math.round(rect.right)}`);
    }
    // A word split across lines. Words of letters may break after a «-» or «/» («счёт-/фактура»),
    // as Russian typesetting allows; anything with a digit (a sum, a date, a receipt number) never.
    // Text set to break anywhere on purpose (ids and raw data in the staff audit) and e-mail
    // addresses, longer than a phone's column, are left out.
    const onOneLine = (node: Node, start: number, length: number) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + length);
      return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size <= 1;
    };
    const broken: string[] = [];
    for (const el of Array.from(document.querySelectorAll('main h1, main h2, main h3, main th, main td'))) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement && getComputedStyle(node.parentElement).wordBreak === 'break-all') continue;
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s\u00a0]+/g)) {
          const word = match[0];
          if (word.includes('@')) continue;
          const pieces = /\d/.test(word) ? [word] : word.split(/(?<=[-/])/);
          let at = match.index;
          for (const piece of pieces) {
            if (!onOneLine(node, at, piece.length)) broken.push(`${name(el)}: «${word}»`);
            at += piece.length;
          }
        }
      }
    }
    return {
      scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
      innerWidth: width,
      wide: wide.slice(0, 10),
      broken: broken.slice(0, 10),
    };
  });
}

/**
 * Opens the page and checks it on the screen (a phone's or a desktop's): it never pans sideways, nothing sticks out of the screen
 * (a wide table scrolls inside its own box), no word in a heading or a table cell is split across
 * lines, and axe-core finds nothing serious. Soft checks: a sweep reports every page's findings.
 */
export async function expectFitsScreen(page: Page, path: string, options: { status?: number } = {}): Promise<void> {
  await expectAccessible(page, path, options);
  const report = await layoutOf(page);
  expect.soft(report.scrollWidth, `${path}: the page pans sideways`).toBeLessThanOrEqual(report.innerWidth);
  expect.soft(report.wide, `${path}: wider than the screen`).toEqual([]);
  expect.soft(report.broken, `${path}: words split across lines`).toEqual([]);
}

/**
 * Opens the page and checks that its key figure (a balance, an amount due) is on the first screen,
 * seen without scrolling: it is what the visitor came for.
 */
export async function expectAboveTheFold(page: Page, path: string, testId: string): Promise<void> {
  await page.goto(path);
  const box = await page.getByTestId(testId).first().boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  expect.soft(box, `${path}: no «${testId}» on the page`).not.toBeNull();
  if (box)
    expect.soft(box.y + box.height, `${path}: «${testId}» is below the first screen`).toBeLessThanOrEqual(height);
}
