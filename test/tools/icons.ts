/**
 * Renders the extension's icon, public/icon.svg, to the PNGs the manifests declare:
 * public/icon/<size>.png at 16, 32, 48, 96 and 128 px (WXT finds them there and lists them as
 * `icons` and the toolbar button's `default_icon`). The PNGs are committed, so a fresh clone
 * builds without this step; run it after changing the SVG: `npm run icons`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const PUBLIC = path.resolve(import.meta.dirname, '..', '..', 'public');

/**
 * Run in one of the extension's pages (the end-to-end suites): the width of each of `files` as the
 * browser loads and decodes it from the extension.
 */
export async function decodedWidths(files: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const f of files) {
    const img = new Image();
    img.src = `/${f}`;
    await img.decode();
    out.push(img.naturalWidth);
  }
  return out;
}

/** The PNG of the icon at `size` px square. */
export function renderIcon(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

/** Width and height of a PNG (from its IHDR chunk), or null when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const svg = readFileSync(path.join(PUBLIC, 'icon.svg'), 'utf8');
  mkdirSync(path.join(PUBLIC, 'icon'), { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(PUBLIC, 'icon', `${size}.png`);
    const png = renderIcon(svg, size);
    writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}: ${size}x${size}, ${png.length} B`);
  }
}
