/**
 * The built manifest asks for exactly what the registry (lib/sites/registry.ts) lists and the
 * README documents, nothing more: one content script per site with that site's matches.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HOST_PERMISSIONS, SITES } from '../../lib/sites/registry';
import { EXT_DIR, expect, test } from './extension';

test('permissions and host permissions are exactly the documented list', () => {
  const manifest = JSON.parse(readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest.manifest_version).toBe(3);
  // sidePanel: the list in Chrome's side panel (WXT adds it with entrypoints/sidepanel).
  // activeTab + scripting: "Save this page" reads the page in front when the popup opens there,
  // and a site the user turns on gets its content script registered (lib/site-access.ts).
  // alarms: the background's folder sync runs every 15 minutes (lib/sync/background.ts).
  expect(manifest.permissions).toEqual(['storage', 'activeTab', 'scripting', 'alarms', 'sidePanel']);
  expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
  expect(manifest.host_permissions).toEqual([...HOST_PERMISSIONS]);
  expect(HOST_PERMISSIONS.length).toBeGreaterThanOrEqual(SITES.length);
  expect(manifest.optional_permissions).toBeUndefined();
  // Asked for on first use: Zotero's connector on this machine (Send to Zotero).
  expect(manifest.optional_host_permissions).toEqual(expect.arrayContaining(['http://127.0.0.1:23119/*']));
  // Any other site, one origin at a time, only when the user turns it on: https and http.
  expect(manifest.optional_host_permissions).toEqual(expect.arrayContaining(['https://*/*', 'http://*/*']));
  // One content script per site, each carrying only its own adapter.
  // Each with its CSS (page.css: the toolbar hosts), which the browser adds before styling the page.
  // (The embedded reader's content script is registered at runtime for the sites turned on: built,
  // not listed here.)
  const scripts = manifest.content_scripts as Array<{ matches: string[]; js: string[]; css?: string[] }>;
  expect(scripts.flatMap((s) => s.js)).not.toContain('content-scripts/embedded.js');
  expect(existsSync(path.join(EXT_DIR, 'content-scripts', 'embedded.js')) && existsSync(path.join(EXT_DIR, 'content-scripts', 'embedded.css'))).toBe(true);
  expect(existsSync(path.join(EXT_DIR, 'page-reader.js'))).toBe(true);
  const byScript = (a: [string[], string[] | undefined, string[]], b: typeof a) => a[0][0]!.localeCompare(b[0][0]!);
  expect(scripts.map((s): [string[], string[] | undefined, string[]] => [s.js, s.css, [...s.matches].sort()]).sort(byScript)).toEqual(
    SITES.map((site): [string[], string[] | undefined, string[]] => [[`content-scripts/${site.id}.js`], [`content-scripts/${site.id}.css`], [...site.matches].sort()]).sort(byScript),
  );
  expect(manifest.commands).toEqual({
    _execute_action: { suggested_key: { default: 'Alt+Shift+P' }, description: 'Open the PaperShelf reading list' },
    'open-side-panel': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open the PaperShelf reading list in the side panel' },
  });
  // No remote code: no externally loaded scripts and the default CSP.
  expect(manifest.content_security_policy).toBeUndefined();
  // The README's permission table names the same permissions.
  const readme = readFileSync(path.resolve(EXT_DIR, '..', '..', 'README.md'), 'utf8');
  for (const p of ['`storage`', '`alarms`', '`sidePanel`', '`activeTab`', '`scripting`', '`https://*/*`', '`http://*/*`', '`http://127.0.0.1:23119/*`', ...HOST_PERMISSIONS.map((h) => `\`${h}\``)]) expect(readme).toContain(p);
});
