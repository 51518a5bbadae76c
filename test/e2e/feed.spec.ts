import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { addNote, addTag, expect, expected, launch, save, SHOTS, test, toolbarFor, toolbars, urlOf } from './extension';

const expectedOf = (name: string) => expected('huggingface', name).papers;

const DAILY = urlOf('huggingface', 'daily');
const daily = expectedOf('daily');
const paper = daily[0]!;

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('a toolbar on every card of every Hugging Face page kind', async ({ context }) => {
  const page = await context.newPage();
  for (const name of ['daily', 'weekly', 'monthly', 'trending', 'search', 'stale-json', 'skipped']) {
    const want = expectedOf(name);
    await page.goto(urlOf('huggingface', name));
    await expect(toolbars(page)).toHaveCount(want.length);
    for (const p of want) await expect(toolbarFor(page, p.id)).toHaveAttribute('data-papershelf-state', 'unsaved');
  }
  // A single paper page is not a listing: one toolbar near the title, no invented cards.
  await page.goto(urlOf('huggingface', 'paper-page'));
  await expect(toolbars(page)).toHaveCount(1);
  await expect(toolbarFor(page, 'arxiv:2603.01234')).toHaveAttribute('data-papershelf-state', 'unsaved');
  // An unrelated page gets none.
  await page.goto(urlOf('arxiv', 'help'));
  await page.waitForTimeout(1000);
  await expect(toolbars(page)).toHaveCount(0);
});

/** What a toolbar's box and Save button look like (computed styles, from inside its shadow root). */
function lookOf(host: Element): Record<string, string> {
  const props = ['display', 'height', 'padding', 'border', 'border-radius', 'background-color', 'color', 'font-family', 'font-size', 'line-height', 'margin-top', 'cursor', 'box-sizing'];
  const bar = host.shadowRoot!.querySelector('.bar')!;
  const save = host.shadowRoot!.querySelector('.save')!;
  const out: Record<string, string> = { host: getComputedStyle(host).display };
  for (const [name, el] of [['bar', bar], ['save', save]] as const) {
    const cs = getComputedStyle(el);
    for (const p of props) out[`${name} ${p}`] = cs.getPropertyValue(p);
    if (name === 'save') out['save height px'] = String(el.getBoundingClientRect().height);
  }
  return out;
}

test('an untouched toolbar (styled from the page through its parts) looks as it does once the pointer reaches it', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(DAILY);
  await expect(toolbars(page)).toHaveCount(daily.length);
  const bar = toolbarFor(page, paper.id);
  const before = await bar.evaluate(lookOf);
  // Styled, not the browser's plain button: the skeleton's own rules apply.
  expect(before).toMatchObject({ host: 'block', 'bar display': 'inline-flex', 'bar border-radius': '8px', 'save border-radius': '6px', 'save height': '24px', 'save font-size': '13px', 'save cursor': 'pointer' });
  expect(await bar.evaluate((h) => ({ own: h.shadowRoot!.adoptedStyleSheets.length, parts: h.shadowRoot!.querySelectorAll('[part]').length }))).toEqual({ own: 0, parts: 2 });
  await bar.getByRole('button', { name: /^Save/ }).hover();
  await expect(bar.getByRole('button')).toHaveText(['☆ Save', '+ tag', '✎ Note']);
  await page.mouse.move(0, 0);
  expect(await bar.evaluate((h) => ({ own: h.shadowRoot!.adoptedStyleSheets.length, parts: h.shadowRoot!.querySelectorAll('[part]').length }))).toEqual({ own: 1, parts: 1 });
  expect(await bar.evaluate(lookOf)).toEqual(before);
});

test('save with tags and a note, find it in the popup, see it everywhere, remove it', async ({ context, extId }) => {
  const page = await context.newPage();
  const other = await context.newPage();
  await other.goto(DAILY);
  await page.goto(DAILY);
  await expect(toolbars(page)).toHaveCount(daily.length);
  await expect(toolbars(other)).toHaveCount(daily.length);

  const bar = toolbarFor(page, paper.id);
  await save(bar);
  // The second tab follows without a reload.
  await expect(toolbarFor(other, paper.id)).toHaveAttribute('data-papershelf-state', 'saved');

  await addTag(bar, 'world-models');
  await expect(bar.getByRole('listitem').filter({ hasText: 'world-models' })).toHaveCount(1);
  await addTag(bar, 'to-cite');
  await expect(bar.getByRole('listitem')).toHaveText(['world-models×', 'to-cite×']);

  await addNote(bar, 'Compare the ablation in table 3 with zebrafish baseline');
  await expect(bar.getByText('Compare the ablation in table 3 with zebrafish baseline')).toHaveCount(1);
  await expect(toolbarFor(other, paper.id).getByRole('listitem')).toHaveText(['world-models×', 'to-cite×']);
  await page.screenshot({ path: path.join(SHOTS, 'feed-daily.png'), fullPage: true });

  // The popup lists it and finds it by a word of its note.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  const list = popup.getByRole('list', { name: 'Saved papers' });
  await expect(list.locator(':scope > li')).toHaveCount(1);
  await expect(list).toContainText(paper.title);
  await popup.getByRole('searchbox', { name: 'Search' }).fill('zebraf');
  await expect(list.locator(':scope > li')).toHaveCount(1);
  await expect(list).toContainText(paper.title);
  await popup.getByRole('searchbox', { name: 'Search' }).fill('zebrafish nothingmatches');
  await expect(list.locator(':scope > li')).toHaveCount(0);
  await popup.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect(list.locator(':scope > li')).toHaveCount(1);
  await popup.screenshot({ path: path.join(SHOTS, 'popup.png') });
  const axe = await new AxeBuilder({ page: popup }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // A reload shows it saved with its tags.
  await page.reload();
  await expect(toolbarFor(page, paper.id)).toHaveAttribute('data-papershelf-state', 'saved');
  await expect(toolbarFor(page, paper.id).getByRole('listitem')).toHaveText(['world-models×', 'to-cite×']);

  // Removing it in the popup resets the card in both tabs.
  await popup.getByRole('button', { name: `Remove ${paper.title}` }).click();
  await expect(list.locator(':scope > li')).toHaveCount(0);
  await expect(toolbarFor(page, paper.id)).toHaveAttribute('data-papershelf-state', 'unsaved');
  await expect(toolbarFor(other, paper.id)).toHaveAttribute('data-papershelf-state', 'unsaved');
  await expect(toolbarFor(page, paper.id).getByRole('listitem')).toHaveCount(0);
});

test('the toolbar in dark mode, keyboard reachable, with accessible names', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'papershelf-dark-'));
  const context = await launch(dir, undefined, { dark: true });
  try {
    const page = await context.newPage();
    await page.goto(DAILY);
    await expect(toolbars(page)).toHaveCount(daily.length);
    await expect(toolbars(page).first()).toHaveAttribute('data-theme', 'dark');
    // Tab from the card's title link reaches the toolbar's Save button.
    const bar = toolbarFor(page, paper.id);
    await page.locator(`h3 a[href="/papers/${paper.id.slice(6)}"]`).first().focus();
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await bar.getByRole('button', { name: /^Save/ }).evaluate((b) => b.matches(':focus'));
    }
    expect(reached).toBe(true);
    // An unsaved card shows Save alone; focus reaching it adds "+ tag" and Note, next in the tab
    // order. A card nobody reached still has Save alone.
    await expect(bar.getByRole('button')).toHaveText(['☆ Save', '+ tag', '✎ Note']);
    await expect(toolbarFor(page, daily[daily.length - 1]!.id).getByRole('button')).toHaveText(['☆ Save']);
    // The untouched one is dark too (page.css), like the one focus reached (toolbar.css).
    const colours = (h: Element) => ['.bar', '.save'].map((s) => { const cs = getComputedStyle(h.shadowRoot!.querySelector(s)!); return `${cs.backgroundColor} ${cs.color}`; });
    expect(await toolbarFor(page, daily[daily.length - 1]!.id).evaluate(colours)).toEqual(['rgb(17, 24, 39) rgb(229, 231, 235)', 'rgb(31, 41, 55) rgb(229, 231, 235)']);
    expect(await bar.evaluate(colours)).toEqual(['rgb(17, 24, 39) rgb(229, 231, 235)', 'rgb(31, 41, 55) rgb(229, 231, 235)']);
    await page.keyboard.press('Tab');
    await expect(bar.getByRole('button', { name: 'Add tag' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(bar.getByRole('button', { name: 'Add note' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await expect(bar.getByRole('button', { name: /^Save/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(bar).toHaveAttribute('data-papershelf-state', 'saved');
    await page.screenshot({ path: path.join(SHOTS, 'feed-daily-dark.png') });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
