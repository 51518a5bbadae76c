/**
 * Store screenshots (1280x800 PNG) of the real, built extension in Debian's Chromium, made the way
 * a user gets there: the fixtures served under their real URLs, papers saved, tagged and noted by
 * clicking the toolbars. Writes .output/store/ (git-ignored) and the committed copy in test/store/
 * (which the README's store listing shows):
 *   1-feed.png     a Hugging Face feed with toolbars, two papers saved and tagged, one pointed at
 *   2-popup.png    the reading list popup over the feed, as the toolbar button opens it
 *   3-options.png  the options page (export, import, settings)
 *
 *   npx wxt build && npm run screenshots
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { pngSize } from './icons';
import { EXT_DIR, extensionId, launch, ROOT, tagField, toolbarFor, toolbars, urlOf } from '../e2e/extension';

const SIZE = { width: 1280, height: 800 };
const OUT = path.join(ROOT, '.output', 'store');
const COMMITTED = path.join(ROOT, 'test', 'store');
/** the popup's size when the toolbar button opens it */
const POPUP = { width: 440, height: 600 };

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (const end = Date.now() + 10_000; Date.now() < end; ) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Save a paper from its card's toolbar, with tags, a status and a note. */
async function save(page: Page, id: string, tags: string[], status?: string, note?: string): Promise<void> {
  const bar = toolbarFor(page, id);
  await bar.getByRole('button', { name: /^Save/ }).click();
  await until(`${id} saved`, async () => (await bar.getAttribute('data-papershelf-state')) === 'saved');
  for (const tag of tags) {
    const field = await tagField(bar);
    await field.fill(tag);
    await field.press('Enter');
    await until(`tag ${tag}`, async () => (await bar.getByRole('listitem').filter({ hasText: tag }).count()) === 1);
  }
  if (status) await bar.getByRole('combobox', { name: 'Reading status' }).selectOption(status);
  if (note) {
    await bar.getByRole('button', { name: 'Add note' }).click();
    await bar.getByRole('textbox', { name: 'Note' }).fill(note);
    await bar.getByRole('button', { name: 'Save note' }).click();
    await until('the note', async () => (await bar.getByText(note).count()) === 1);
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUT, name) });
}

async function run(context: BrowserContext): Promise<void> {
  const extId = await extensionId(context);

  // A few papers on the shelf, from both sites (the arXiv ones fill the popup's list).
  const arxiv = await context.newPage();
  await arxiv.goto(urlOf('arxiv', 'list-new'));
  await until('arXiv toolbars', async () => (await toolbars(arxiv).count()) === 4);
  await save(arxiv, 'arxiv:2406.09871', ['continual-learning'], 'read');
  await save(arxiv, 'arxiv:2311.04123', ['calibration', 'to-cite']);
  await arxiv.close();

  const feed = await context.newPage();
  await feed.setViewportSize(SIZE);
  await feed.goto(urlOf('huggingface', 'daily'));
  await until('Hugging Face toolbars', async () => (await toolbars(feed).count()) === 4);
  await save(feed, 'arxiv:2602.21847', ['continual-learning', 'adapters'], 'reading', 'Compare with LoRA merging; table 3 ablation.');
  await save(feed, 'arxiv:2603.00412', ['attention']);
  await feed.mouse.move(0, 0);
  // No focused tag field (its suggestion arrow) in the picture.
  await feed.evaluate(() => {
    const active = document.activeElement?.shadowRoot?.activeElement ?? document.activeElement;
    (active as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  // The pointer on an unsaved card's toolbar shows its "+ tag" and Note.
  await toolbarFor(feed, 'arxiv:2602.19930').getByRole('button', { name: /^Save/ }).hover();
  await until('the pointed toolbar', async () => (await toolbarFor(feed, 'arxiv:2602.19930').getByRole('button').count()) === 3);
  await toolbarFor(feed, 'arxiv:2602.21847').scrollIntoViewIfNeeded();
  await feed.waitForTimeout(300);
  await shoot(feed, '1-feed.png');

  // The popup as the toolbar button shows it: its own page at its own size, drawn over the feed.
  const popup = await context.newPage();
  await popup.setViewportSize(POPUP);
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  await until('the popup list', async () => (await popup.getByRole('list', { name: 'Saved papers' }).locator(':scope > li').count()) === 4);
  await popup.waitForTimeout(300);
  const popupPng = (await popup.screenshot()).toString('base64');
  await feed.mouse.move(0, 0);
  const feedPng = (await feed.screenshot()).toString('base64');
  const frame = await context.newPage();
  await frame.setViewportSize(SIZE);
  await frame.setContent(`<body style="margin:0;background:#000">
    <img src="data:image/png;base64,${feedPng}" style="position:absolute;inset:0;opacity:.55">
    <img src="data:image/png;base64,${popupPng}" style="position:absolute;top:12px;right:24px;border:1px solid #cbd5e1;border-radius:10px;box-shadow:0 12px 40px #0008">
  </body>`);
  await shoot(frame, '2-popup.png');

  const options = await context.newPage();
  await options.setViewportSize(SIZE);
  await options.goto(`chrome-extension://${extId}/options.html`);
  await options.waitForLoadState('networkidle');
  await options.waitForTimeout(500);
  await shoot(options, '3-options.png');
}

if (!existsSync(path.join(EXT_DIR, 'manifest.json'))) {
  console.error(`No build at ${EXT_DIR}: run npx wxt build first.`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
mkdirSync(COMMITTED, { recursive: true });
const profile = mkdtempSync(path.join(tmpdir(), 'papershelf-shots-'));
const context = await launch(profile);
try {
  await run(context);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
for (const name of ['1-feed.png', '2-popup.png', '3-options.png']) {
  const size = pngSize(readFileSync(path.join(OUT, name)));
  if (size?.width !== SIZE.width || size.height !== SIZE.height) throw new Error(`${name} is ${JSON.stringify(size)}, not 1280x800`);
  copyFileSync(path.join(OUT, name), path.join(COMMITTED, name));
  console.log(`${path.relative(ROOT, path.join(OUT, name))} -> ${path.relative(ROOT, path.join(COMMITTED, name))}`);
}
