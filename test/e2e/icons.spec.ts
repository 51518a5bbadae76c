/**
 * The built Chromium package carries its icon: the manifest declares the PNGs as the extension's
 * icons and the toolbar button's, each file is a PNG of its declared size, and the extension serves
 * it (as the toolbar and chrome://extensions load it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodedWidths, pngSize } from '../tools/icons';
import { EXT_DIR, expect, test } from './extension';

const DECLARED = { '16': 'icon/16.png', '32': 'icon/32.png', '48': 'icon/48.png', '96': 'icon/96.png', '128': 'icon/128.png' };

test('the built manifest declares the icons, and each is a PNG of its size that the extension serves', async ({ context, extId }) => {
  const manifest = JSON.parse(readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8')) as { icons: unknown; action: { default_icon: unknown } };
  expect(manifest.icons).toEqual(DECLARED);
  expect(manifest.action.default_icon).toEqual(DECLARED);
  for (const [size, file] of Object.entries(DECLARED)) expect(pngSize(readFileSync(path.join(EXT_DIR, file)))).toEqual({ width: Number(size), height: Number(size) });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extId}/popup.html`);
  expect(await page.evaluate(decodedWidths, Object.values(DECLARED))).toEqual([16, 32, 48, 96, 128]);
});
