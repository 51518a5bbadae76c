/**
 * Send to Zotero in real Chromium with the built extension, against a stand-in for Zotero
 * desktop's connector server on 127.0.0.1:23119 that follows its protocol: POST /connector/ping
 * answers 200 with JSON; POST /connector/saveItems is taken only with Content-Type
 * application/json, X-Zotero-Connector-API-Version 3 and a sessionID not seen before, and answers
 * 201. Without it (nothing listening on the port) the user is told Zotero is not running and
 * nothing changes.
 *
 * The extension asks for http://127.0.0.1:23119/* (an optional host permission) on the first
 * click; a test cannot answer the browser's own permission prompt, so these tests load a copy of
 * the build whose manifest grants it at install (the request then resolves at once, as it does
 * for a user who allowed it before). Asking in the click is unit-tested (test/zotero.test.ts).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { addNote, addTag, expect, expected, EXT_DIR, extensionId, launch, save, SHOTS, storedRecords, test, toolbarFor, toolbars, urlOf } from './extension';

const ZOTERO = 'http://127.0.0.1:23119/*';
const daily = expected('huggingface', 'daily').papers;
const DAILY = urlOf('huggingface', 'daily');
const [paper, other] = [daily[0]!, daily[1]!];

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: { sessionID?: string; items?: Array<Record<string, unknown>> };
}

/** The stand-in connector server; `received` lists every request it got, in order. */
async function standInZotero(): Promise<{ received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const sessions = new Set<string>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Received['body']) : {};
      received.push({ path: req.url ?? '', headers: req.headers, body });
      const answer = (status: number, json?: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'X-Zotero-Version': '7.0.0', 'X-Zotero-Connector-API-Version': '3' });
        res.end(json === undefined ? '' : JSON.stringify(json));
      };
      // Zotero drops a browser's request that lacks the API version header.
      if (req.method !== 'POST' || req.headers['x-zotero-connector-api-version'] !== '3') return req.socket.destroy();
      if (req.url === '/connector/ping') return answer(200, { prefs: { automaticSnapshots: true, downloadAssociatedFiles: true } });
      if (req.url !== '/connector/saveItems') return answer(404);
      if (!req.headers['content-type']?.startsWith('application/json') || typeof body.sessionID !== 'string') return answer(400);
      if (sessions.has(body.sessionID)) return answer(409, { error: 'SESSION_EXISTS' });
      sessions.add(body.sessionID);
      answer(201);
    });
  });
  await new Promise<void>((resolve) => server.listen(23119, '127.0.0.1', resolve));
  return { received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A copy of the build whose manifest grants Zotero's port at install (see the header). */
function buildWithZoteroGranted(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'papershelf-zotero-ext-'));
  cpSync(EXT_DIR, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions: string[]; optional_host_permissions?: string[] };
  expect(manifest.optional_host_permissions).toContain(ZOTERO);
  manifest.host_permissions = [...manifest.host_permissions, ZOTERO];
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

let ext: string;
let profile: string;
let context: BrowserContext;
let extId: string;

test.beforeEach(async () => {
  ext = buildWithZoteroGranted();
  profile = mkdtempSync(path.join(tmpdir(), 'papershelf-e2e-'));
  context = await launch(profile, ext);
  // The fixtures' router answers every other http(s) request; Zotero's port goes to the network.
  await context.route(/^http:\/\/127\.0\.0\.1:23119\//, (route) => route.continue());
  extId = await extensionId(context);
});
test.afterEach(async () => {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(ext, { recursive: true, force: true });
});

/** A feed tab with `paper` saved, tagged and noted through its card. */
async function feedWithPaper(): Promise<Page> {
  const feed = await context.newPage();
  await feed.goto(DAILY);
  await expect(toolbars(feed)).toHaveCount(daily.length);
  const bar = toolbarFor(feed, paper.id);
  await save(bar);
  await addTag(bar, 'zotero-e2e');
  await expect(bar.getByRole('listitem').filter({ hasText: 'zotero-e2e' })).toHaveCount(1);
  await addNote(bar, 'Read <this> & "cite" it\nsecond line');
  await expect(bar.locator('.notepreview')).toHaveCount(1);
  return feed;
}

async function openDetails(): Promise<{ popup: Page; details: ReturnType<Page['getByRole']> }> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 700 });
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  const row = popup.getByRole('list', { name: 'Saved papers' }).locator(':scope > li').filter({ hasText: paper.title });
  await row.getByRole('button', { name: 'Details' }).click();
  return { popup, details: popup.getByRole('region', { name: paper.title }) };
}

test('Send to Zotero delivers the paper: title, ordered creators, tags and note; sending again asks first', async () => {
  const zotero = await standInZotero();
  try {
    const feed = await feedWithPaper();
    const { popup, details } = await openDetails();
    await details.getByRole('button', { name: 'Send to Zotero' }).click();
    await expect(details.getByRole('status').filter({ hasText: 'Zotero' })).toHaveText(`Sent “${paper.title}” to Zotero.`);

    expect(zotero.received.map((r) => r.path)).toEqual(['/connector/ping', '/connector/saveItems']);
    const save = zotero.received[1]!;
    expect(save.headers['content-type']).toMatch(/^application\/json/);
    expect(save.headers['x-zotero-connector-api-version']).toBe('3');
    expect(save.body.sessionID).toMatch(/^[\w-]{8,}$/);
    expect(save.body.items).toHaveLength(1);
    const item = save.body.items![0]!;
    expect(item).toMatchObject({
      itemType: 'preprint',
      title: paper.title,
      extra: 'arXiv: 2602.21847',
      url: 'https://arxiv.org/abs/2602.21847',
      tags: [{ tag: 'zotero-e2e' }],
      notes: [{ note: '<p>Read &lt;this&gt; &amp; &quot;cite&quot; it<br>second line</p>' }],
      attachments: [{ title: 'PDF (link)', url: 'https://arxiv.org/pdf/2602.21847', mimeType: 'text/html', snapshot: false }],
    });
    expect(item.creators).toEqual(
      paper.authors.map((name) => {
        const words = name.split(' ');
        return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1), creatorType: 'author' };
      }),
    );

    // Remembered: the details say when, the card shows it, the record has the time.
    await expect(details.getByText(/^Sent to Zotero on /)).toBeVisible();
    await expect(toolbarFor(feed, paper.id).getByRole('button', { name: 'Sent to Zotero: send again' })).toHaveText('✓ Zotero');
    const record = (await storedRecords(popup)).find((r) => r.id === paper.id)!;
    expect(typeof record.zoteroSentAt).toBe('number');

    // Sending again asks first; Cancel sends nothing.
    await details.getByRole('button', { name: 'Send to Zotero again' }).click();
    await expect(details.getByRole('alertdialog')).toContainText('in Zotero already');
    mkdirSync(SHOTS, { recursive: true });
    await popup.screenshot({ path: path.join(SHOTS, 'zotero-details.png'), fullPage: true });
    const axe = await new AxeBuilder({ page: popup }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await details.getByRole('button', { name: 'Cancel' }).click();
    await expect(details.getByRole('button', { name: 'Send to Zotero again' })).toBeFocused();
    expect(zotero.received).toHaveLength(2);

    // A selection in the bulk bar: both papers in one saveItems (the second saved on its card).
    await toolbarFor(feed, other.id).getByRole('button', { name: /^Save/ }).click();
    await details.getByRole('button', { name: 'Back to list' }).click();
    const list = popup.getByRole('list', { name: 'Saved papers' });
    await expect(list.locator(':scope > li')).toHaveCount(2);
    for (const title of [paper.title, other.title]) await list.locator(':scope > li').filter({ hasText: title }).getByRole('checkbox').check();
    await popup.getByRole('button', { name: 'Send the 2 selected papers to Zotero' }).click();
    await popup.screenshot({ path: path.join(SHOTS, 'zotero-bulk.png') });
    await popup.getByRole('button', { name: 'Send only the 1 not sent' }).click();
    await expect(popup.getByRole('group', { name: 'Bulk actions' }).getByRole('status')).toHaveText(`Sent “${other.title}” to Zotero.`);
    expect(zotero.received.map((r) => r.path)).toEqual(['/connector/ping', '/connector/saveItems', '/connector/ping', '/connector/saveItems']);
    expect(zotero.received[3]!.body.items!.map((i) => i.title)).toEqual([other.title]);
  } finally {
    await zotero.close();
  }
});

test('Zotero not running: the message, and nothing changes', async () => {
  const feed = await feedWithPaper();
  const { popup, details } = await openDetails();
  const before = await storedRecords(popup);
  await details.getByRole('button', { name: 'Send to Zotero' }).click();
  await expect(details.getByRole('status').filter({ hasText: 'Zotero' })).toHaveText('Zotero is not running: start Zotero (the desktop app) and try again. Nothing was changed.');
  await expect(details.getByText(/^Sent to Zotero on /)).toHaveCount(0);
  expect(await storedRecords(popup)).toEqual(before);

  // The card's button says the same on the card.
  const bar = toolbarFor(feed, paper.id);
  await bar.getByRole('button', { name: 'Send to Zotero' }).click();
  await expect(bar.getByRole('alert')).toContainText('Zotero is not running');
  await bar.screenshot({ path: path.join(SHOTS, 'zotero-card-not-running.png') });
  expect(await storedRecords(popup)).toEqual(before);
});
