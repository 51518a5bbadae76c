/** The built manifest asks for exactly what the README documents, nothing more. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXT_DIR, expect, test } from './extension';

test('permissions and host permissions are exactly the documented list', () => {
  const manifest = JSON.parse(readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions).toEqual(['storage']);
  expect(manifest.host_permissions).toEqual(['https://huggingface.co/*', 'https://arxiv.org/*']);
  expect(manifest.optional_permissions).toBeUndefined();
  expect(manifest.optional_host_permissions).toBeUndefined();
  // One content script per site, each carrying only its own adapter.
  // Each with its CSS (page.css: the toolbar hosts), which the browser adds before styling the page.
  const scripts = manifest.content_scripts as Array<{ matches: string[]; js: string[]; css?: string[] }>;
  expect(scripts.map((s) => [s.js, s.css, [...s.matches].sort()]).sort()).toEqual([
    [['content-scripts/arxiv.js'], ['content-scripts/arxiv.css'], ['https://arxiv.org/abs/*', 'https://arxiv.org/list/*', 'https://arxiv.org/search/*']],
    [['content-scripts/huggingface.js'], ['content-scripts/huggingface.css'], ['https://huggingface.co/papers*']],
  ]);
  expect(manifest.commands).toEqual({
    _execute_action: { suggested_key: { default: 'Alt+Shift+P' }, description: 'Open the PaperShelf reading list' },
  });
  // No remote code: no externally loaded scripts and the default CSP.
  expect(manifest.content_security_policy).toBeUndefined();
  // The README's permission table names the same permissions.
  const readme = readFileSync(path.resolve(EXT_DIR, '..', '..', 'README.md'), 'utf8');
  for (const p of ['`storage`', '`https://huggingface.co/*`', '`https://arxiv.org/*`']) expect(readme).toContain(p);
});
