/**
 * The icon: committed PNGs of every declared size, current with public/icon.svg, declared by both
 * manifests (icons and the toolbar button), and Firefox's manifest has what AMO asks of a new
 * add-on. (The built manifests are checked too: test/e2e/icons.spec.ts and the Firefox suite.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../wxt.config';
import { ICON_SIZES, pngSize, renderIcon } from './tools/icons';

const PUBLIC = path.resolve(import.meta.dirname, '..', 'public');
const DECLARED = { '16': 'icon/16.png', '32': 'icon/32.png', '48': 'icon/48.png', '96': 'icon/96.png', '128': 'icon/128.png' };

type ManifestFn = (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: string }) => Record<string, unknown>;
const manifest = (browser: string, manifestVersion: 2 | 3) => (config.manifest as ManifestFn)({ browser, manifestVersion, mode: 'production', command: 'build' });

describe('icon', () => {
  it('has a committed PNG at each declared size, rendered from public/icon.svg as it is now', () => {
    const svg = readFileSync(path.join(PUBLIC, 'icon.svg'), 'utf8');
    expect(ICON_SIZES).toEqual([16, 32, 48, 96, 128]);
    for (const size of ICON_SIZES) {
      const png = readFileSync(path.join(PUBLIC, DECLARED[String(size) as keyof typeof DECLARED]));
      expect(pngSize(png)).toEqual({ width: size, height: size });
      // `npm run icons` was run after the last change of the SVG.
      expect(png.equals(renderIcon(svg, size))).toBe(true);
    }
  });

  it('is the extension icon and the toolbar button icon in both manifests', () => {
    const chrome = manifest('chrome', 3);
    expect(chrome.icons).toEqual(DECLARED);
    expect(chrome.action).toEqual({ default_icon: DECLARED });
    expect(chrome.browser_specific_settings).toBeUndefined();
    const firefox = manifest('firefox', 2);
    expect(firefox.icons).toEqual(DECLARED);
    expect(firefox.browser_action).toEqual({ default_icon: DECLARED });
    expect(firefox.action).toBeUndefined();
  });

  it('Firefox: a fixed add-on id, the oldest version the e2e suite passes on, no data collected', () => {
    expect(manifest('firefox', 2).browser_specific_settings).toEqual({
      gecko: { id: 'papershelf@papershelf.local', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    });
  });
});
