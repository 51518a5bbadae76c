/** Reloading the extension under an open page: the old content script stops and says so. */
import { expect, test, toolbars, urlOf } from './extension';
import { serviceWorker } from '../chromium';

test('the cards say to reload the page after the extension is reloaded', async ({ context }) => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(urlOf('huggingface', 'daily'));
  await expect(toolbars(page)).toHaveCount(4);
  const sw = await serviceWorker(context);
  await sw.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
  await expect(page.locator('papershelf-toolbar[data-papershelf-state="stale"]')).toHaveCount(4, { timeout: 20_000 });
  await expect(page.locator('papershelf-toolbar').first()).toContainText('PaperShelf was updated. Reload the page to use it here.');
  expect(errors).toEqual([]);
});
