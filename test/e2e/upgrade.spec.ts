/**
 * Upgrade in a real profile: build A (the last commit with database version 1) saves papers;
 * build B (this tree, version 2) loaded into the same profile, from the same folder so the
 * extension keeps its id and its IndexedDB, shows all of them with their tags and notes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, EXT_DIR, extensionId, launch, ROOT, tagField, test, toolbarFor, toolbars, urlOf } from './extension';

/** The last commit whose database was version 1. */
const BUILD_A_COMMIT = 'ff4f2d814823fb33d766d7a8f21d4c21aa2b5c8a';

function buildA(work: string): string {
  const tree = path.join(work, 'build-a');
  execFileSync('git', ['-C', ROOT, 'worktree', 'add', '--detach', '--force', tree, BUILD_A_COMMIT], { stdio: 'pipe' });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'));
  execFileSync('npx', ['wxt', 'build'], { cwd: tree, stdio: 'pipe' });
  return path.join(tree, '.output', 'chrome-mv3');
}

test('papers saved with build A survive the upgrade to build B', async () => {
  test.setTimeout(180_000);
  const work = mkdtempSync(path.join(tmpdir(), 'papershelf-upgrade-'));
  const profile = path.join(work, 'profile');
  const ext = path.join(work, 'extension');
  try {
    cpSync(buildA(work), ext, { recursive: true });

    // Build A: save two papers with tags and a note.
    let context = await launch(profile, ext);
    let page = await context.newPage();
    await page.goto(urlOf('huggingface', 'daily'));
    await expect(toolbars(page)).toHaveCount(4);
    const a = toolbarFor(page, 'arxiv:2602.21847');
    await a.getByRole('button', { name: /^Save/ }).click();
    await expect(a).toHaveAttribute('data-papershelf-state', 'saved');
    const tag = await tagField(a);
    await tag.fill('kept');
    await tag.press('Enter');
    await expect(a.getByRole('listitem')).toHaveText(['kept×']);
    await a.getByRole('button', { name: 'Add note' }).click();
    await a.getByRole('textbox', { name: 'Note' }).fill('Written before the upgrade');
    await a.getByRole('button', { name: 'Save note' }).click();
    await expect(a.getByText('Written before the upgrade')).toHaveCount(1);
    const b = toolbarFor(page, 'arxiv:2603.00412');
    await b.getByRole('button', { name: /^Save/ }).click();
    await expect(b).toHaveAttribute('data-papershelf-state', 'saved');
    const idA = await extensionId(context);
    await context.close();

    // Build B replaces build A in the same folder and profile.
    rmSync(ext, { recursive: true, force: true });
    cpSync(EXT_DIR, ext, { recursive: true });
    context = await launch(profile, ext);
    expect(await extensionId(context)).toBe(idA);
    page = await context.newPage();
    await page.goto(urlOf('huggingface', 'daily'));
    await expect(toolbarFor(page, 'arxiv:2602.21847')).toHaveAttribute('data-papershelf-state', 'saved');
    await expect(toolbarFor(page, 'arxiv:2602.21847').getByRole('listitem')).toHaveText(['kept×']);
    await expect(toolbarFor(page, 'arxiv:2602.21847').getByText('Written before the upgrade')).toHaveCount(1);
    await expect(toolbarFor(page, 'arxiv:2603.00412')).toHaveAttribute('data-papershelf-state', 'saved');
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${idA}/popup.html`);
    await expect(popup.getByRole('list', { name: 'Saved papers' }).locator(':scope > li')).toHaveCount(2);
    const version = await popup.evaluate(
      () => new Promise<number>((resolve) => (indexedDB.open('papershelf').onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result.version))),
    );
    // Dexie stores version N as N * 10 in IndexedDB.
    expect(version).toBe(20);
    await context.close();
  } finally {
    if (existsSync(path.join(work, 'build-a'))) execFileSync('git', ['-C', ROOT, 'worktree', 'remove', '--force', path.join(work, 'build-a')]);
    rmSync(work, { recursive: true, force: true });
  }
});
