/**
 * The project's fixture pages as both end-to-end suites serve them (Playwright's Chromium in
 * extension.ts, the Firefox journeys in firefox/harness.ts): each under the real URL recorded in
 * its `<meta name="papershelf-fixture-url">`, Hugging Face's with a stylesheet imitating the site;
 * and what each page's `<case>.expected.json` says the adapter reads there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureUrl } from '../fixture-url';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** Every fixture page by the URL recorded in its `<meta name="papershelf-fixture-url">`. */
export const PAGES: ReadonlyMap<string, { site: string; name: string; html: string }> = (() => {
  const map = new Map<string, { site: string; name: string; html: string }>();
  for (const site of readdirSync(FIXTURES)) {
    for (const file of readdirSync(path.join(FIXTURES, site)).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(path.join(FIXTURES, site, file), 'utf8');
      const url = fixtureUrl(html);
      if (url) map.set(new URL(url).href, { site, name: file.replace(/\.html$/, ''), html });
    }
  }
  return map;
})();

/** The URL a fixture is served under. */
export function urlOf(site: string, name: string): string {
  for (const [url, p] of PAGES) if (p.site === site && p.name === name) return url;
  throw new Error(`no fixture ${site}/${name}`);
}

const SITE_LOOK = `<style>${readFileSync(path.join(import.meta.dirname, 'site-look.css'), 'utf8')}</style>`;

/** A fixture as served: with a stylesheet imitating the site (and dark mode when asked). */
export function served(site: string, html: string, dark = false): string {
  const withLook = site === 'huggingface' ? html.replace('</head>', `${SITE_LOOK}</head>`) : html;
  return dark ? withLook.replace('<html', '<html class="dark"') : withLook;
}

/** A fixture's golden answer: its page kind (null: not claimed), skipped cards and papers in page order. */
export interface Expected {
  kind: string | null;
  skipped: number;
  papers: Array<{ id: string; title: string; authors: string[]; abstract?: string }>;
}

export function expected(site: string, name: string): Expected {
  return JSON.parse(readFileSync(path.join(FIXTURES, site, `${name}.expected.json`), 'utf8')) as Expected;
}
