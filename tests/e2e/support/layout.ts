import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

/** Fails unless the element's whole box is inside the viewport. */
export async function expectInViewport(page: Page, locator: Locator, what: string): Promise<void> {
  await expect(locator, what).toBeVisible();
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box, `${what}: no box`).not.toBeNull();
  expect(viewport).not.toBeNull();
  if (!box || !viewport) return;
  const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width + 0.5 && box.y + box.height <= viewport.height + 0.5;
  expect(inside, `${what} at ${JSON.stringify(box)} is not inside ${viewport.width}×${viewport.height}`).toBe(true);
}

/** Every element (and the document) whose content is wider than its box: horizontal overflow of any kind. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  // Runs in the page (a string: the Node project has no DOM types).
  return page.evaluate<string[]>(`(() => {
    const name = (el) =>
      el.tagName.toLowerCase() +
      (el.getAttribute('data-testid') ? '[' + el.getAttribute('data-testid') + ']' : '') +
      (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push('document ' + doc.scrollWidth + ' > ' + doc.clientWidth);
    for (const el of document.body.querySelectorAll('*')) {
      // What is not rendered (a closed <details>, display: none) cannot scroll.
      if (!(el instanceof HTMLElement) || el.clientWidth === 0 || !el.checkVisibility()) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(name(el) + ' ' + el.scrollWidth + ' > ' + el.clientWidth);
    }
    return out;
  })()`);
}

export async function expectNoHorizontalOverflow(page: Page, when: string): Promise<void> {
  expect(await horizontalOverflow(page), `horizontal overflow ${when}`).toEqual([]);
}

/** Writes a screenshot to test-results/screenshots/ and attaches it to the test. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = join(process.cwd(), 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
