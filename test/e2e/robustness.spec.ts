/**
 * Hostile pages and concurrent edits in the real browser: payloads stay text, page CSS cannot
 * break the toolbar, re-renders leak nothing, edits from two tabs and the popup all survive.
 */
import path from 'node:path';
import { addNote, addTag, contentStats, expect, save, SHOTS, tagField, test, toolbarFor, toolbars, urlOf } from './extension';

const HOSTILE = urlOf('hostile', 'hf-hostile');
const DAILY = urlOf('huggingface', 'daily');

test('hostile page: payloads stay plain text everywhere and none executes; the toolbar survives page CSS', async ({ context, extId }) => {
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(HOSTILE);
  await expect(toolbars(page)).toHaveCount(3);
  const bar = toolbarFor(page, 'arxiv:2603.04401');
  const saveButton = bar.getByRole('button', { name: /^Save/ });
  await expect(saveButton).toBeVisible();
  const box = (await saveButton.boundingBox())!;
  expect(box.height).toBeLessThan(40);
  expect(box.width).toBeLessThan(120);
  await save(bar);
  const payloadTag = '<img src=x onerror=window.__pwned="tag">';
  await addTag(bar, payloadTag);
  await expect(bar.getByRole('listitem')).toHaveText([`${payloadTag}×`]);
  await addNote(bar, '</textarea><script>window.__pwned="note"</script>');
  await expect(bar.getByText('</textarea><script>window.__pwned="note"</script>')).toHaveCount(1);
  await save(toolbarFor(page, 'arxiv:2603.04402'));
  await page.screenshot({ path: path.join(SHOTS, 'hostile-page.png') });

  const popup = await context.newPage();
  popup.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  const list = popup.getByRole('list', { name: 'Saved papers' });
  await expect(list.locator(':scope > li')).toHaveCount(2);
  await expect(list).toContainText(`<img src=x onerror="window.__pwned='title'"> Robust Tokenizers`);
  await expect(list).toContainText("</textarea><script>window.__pwned='title2'</script> Escaping Is Hard");
  await expect(list).toContainText(payloadTag);
  // Every link the popup renders is http(s).
  const hrefs = await popup.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
  expect(await popup.locator('img').count()).toBe(0);

  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await popup.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('the toolbar takes only its own space: titles and cards keep their place and width', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(DAILY);
  await expect(toolbars(page)).toHaveCount(4);
  const measure = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('article')].map((a) => {
        const t = a.querySelector('h3')!.getBoundingClientRect();
        return { cardWidth: a.getBoundingClientRect().width, x: t.x, y: t.y, w: t.width, h: t.height };
      }),
    );
  const withBars = await measure();
  await page.evaluate(() => document.querySelectorAll('papershelf-toolbar').forEach((h) => ((h as HTMLElement).style.display = 'none')));
  const without = await measure();
  expect(withBars).toEqual(without);
});

test('many SPA re-renders end with exactly one toolbar per card and no leaked UIs', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(DAILY);
  await expect(toolbars(page)).toHaveCount(4);
  await page.evaluate(async () => {
    const grid = document.querySelector('[data-target="DailyPapers"] .grid, [data-target="DailyPapers"] > div')!;
    const original = [...grid.children].map((c) => c.cloneNode(true) as Element);
    for (let i = 0; i < 40; i++) {
      // Svelte-like: sometimes replace every card, sometimes drop one, sometimes re-add the same nodes.
      const cards = original.map((c) => c.cloneNode(true) as Element);
      grid.replaceChildren(...(i % 3 === 1 ? cards.slice(1) : cards));
      await new Promise((r) => setTimeout(r, i % 4 === 0 ? 0 : 16));
    }
    grid.replaceChildren(...original.map((c) => c.cloneNode(true) as Element));
  });
  await expect(toolbars(page)).toHaveCount(4);
  await expect.poll(async () => contentStats(context, DAILY).then((s) => [s.hosts, s.live, s.uis])).toEqual([4, 4, 4]);
  for (const id of ['arxiv:2602.21847', 'arxiv:2603.00412', 'arxiv:2602.19930', 'arxiv:2603.01187']) {
    await expect(toolbarFor(page, id)).toHaveCount(1);
  }
});

test('two tabs and the popup edit different fields at the same moment: every edit is kept; double-click saves once', async ({ context, extId }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(DAILY);
  await b.goto(DAILY);
  const id = 'arxiv:2603.00412';
  const barA = toolbarFor(a, id);
  const barB = toolbarFor(b, id);
  await barA.getByRole('button', { name: /^Save/ }).dblclick();
  await expect(barA).toHaveAttribute('data-papershelf-state', 'saved');
  await expect(barB).toHaveAttribute('data-papershelf-state', 'saved');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  const list = popup.getByRole('list', { name: 'Saved papers' });
  await expect(list.locator(':scope > li')).toHaveCount(1);

  const tagA = await tagField(barA);
  await tagA.fill('from-tab-a');
  await barB.getByRole('button', { name: 'Add note' }).click();
  await barB.getByRole('textbox', { name: 'Note' }).fill('from tab b');
  const status = popup.getByRole('combobox', { name: /^Status of / });
  await Promise.all([
    tagA.press('Enter'),
    barB.getByRole('button', { name: 'Save note' }).click(),
    status.selectOption('read'),
  ]);
  for (const bar of [barA, barB]) {
    await expect(bar.getByRole('listitem')).toHaveText(['from-tab-a×']);
    await expect(bar.getByText('from tab b')).toHaveCount(1);
    await expect(bar.getByRole('combobox', { name: 'Reading status' })).toHaveValue('read');
  }
  await expect(list.locator(':scope > li')).toHaveCount(1);
  await expect(list).toContainText('from-tab-a');
  await expect(list).toContainText('from tab b');
});
