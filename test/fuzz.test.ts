/**
 * Adapters never throw: random, truncated and mangled versions of every fixture (and of the real
 * pages in ../shared when present) give valid PaperDrafts or counted skips.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { PaperDraft } from '@/lib/paper';
import { ADAPTERS, adapterFor, extractAll } from '@/lib/sites';
import { safeExtract, safeIdentify } from '@/lib/sites/pick';
import { REGISTERED } from './helpers/sites';
import { fixtureUrl } from './fixture-url';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '..', 'shared', 'fixtures', 'pages');

interface Page {
  name: string;
  url: string;
  html: string;
}

function pagesIn(dir: string, fallbackUrl: (file: string) => string | null): Page[] {
  if (!existsSync(dir)) return [];
  const out: Page[] = [];
  for (const sub of readdirSync(dir, { withFileTypes: true })) {
    const folder = sub.isDirectory() ? path.join(dir, sub.name) : null;
    if (!folder) continue;
    for (const f of readdirSync(folder).filter((x) => x.endsWith('.html'))) {
      const html = readFileSync(path.join(folder, f), 'utf8');
      const url = fixtureUrl(html) ?? fallbackUrl(`${sub.name}/${f}`);
      if (url) out.push({ name: `${sub.name}/${f}`, url, html });
    }
  }
  return out;
}

const OWN = pagesIn(path.join(ROOT, 'test', 'fixtures'), () => null);
const REAL = pagesIn(SHARED, (f) =>
  f.startsWith('huggingface/') ? 'https://huggingface.co/papers' : f.startsWith('arxiv-list/') ? 'https://arxiv.org/list/cs/2301?skip=0&show=3' : null,
);
const ALL = [...OWN, ...REAL];
const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });

function run(html: string, url: string) {
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  expectIdentifyAgrees(doc, url);
  return extractAll(doc, url);
}

/**
 * The content script's fast path (identify, then the whole card on demand) must see the same
 * cards as extract(): the same id and title, and null for exactly the cards extract() skips.
 */
function expectIdentifyAgrees(doc: Document, url: string): void {
  const found = adapterFor(url);
  if (!found) return;
  const { adapter, kind } = found;
  const ctx = { url: new URL(url), kind, data: adapter.prepare(doc, new URL(url), kind) };
  for (const card of adapter.findCards(doc, kind)) {
    const d = safeExtract(adapter, card, ctx);
    const i = safeIdentify(adapter, card, ctx);
    expect(i && { id: i.id, title: i.title }).toEqual(d && { id: d.id, title: d.title });
    expect(i?.draft() ?? null).toStrictEqual(d);
  }
}

/** Mangle a page: cut it, drop a slice, duplicate a slice, or splice in junk. */
const mangled = (html: string) =>
  fc.oneof(
    fc.nat({ max: html.length }).map((n) => html.slice(0, n)),
    fc.tuple(fc.nat({ max: html.length }), fc.nat({ max: 2000 })).map(([a, n]) => html.slice(0, a) + html.slice(a + n)),
    fc.tuple(fc.nat({ max: html.length }), fc.nat({ max: 400 })).map(([a, n]) => html.slice(0, a) + html.slice(a, a + n) + html.slice(a)),
    fc.tuple(fc.nat({ max: html.length }), fc.string({ maxLength: 60 })).map(([a, s]) => html.slice(0, a) + s + html.slice(a)),
    fc
      .tuple(fc.nat({ max: html.length }), fc.constantFrom('"', '&quot;', '<', '>', '</article>', '<dt>', '<dd>', '{', ']', '\u0000'))
      .map(([a, s]) => html.slice(0, a) + s + html.slice(a)),
  );

describe('adapters never throw', () => {
  it('has pages to fuzz', () => {
    expect(OWN.length).toBeGreaterThan(15);
  });

  it('identify() has a fast path where it matters and agrees with extract() on every page as saved', () => {
    expect(ADAPTERS.filter((a) => a.identify).map((a) => a.id)).toContain('huggingface');
    for (const page of ALL) run(page.html, page.url);
  });

  for (const page of ALL) {
    it(`${page.name}: every mangled version yields valid drafts or counted skips`, () => {
      const full = run(page.html, page.url);
      fc.assert(
        fc.property(mangled(page.html), (html) => {
          const res = run(html, page.url);
          if (!res) return full === null;
          for (const p of res.papers) expect(PaperDraft.safeParse(p).success).toBe(true);
          expect(res.skipped).toBeGreaterThanOrEqual(0);
          return true;
        }),
        { numRuns: 25, seed: 20261127 },
      );
    });
  }

  it('random markup on every adapter URL', () => {
    const urls = REGISTERED.flatMap((r) => r.examples.claims.map(([u]) => u));
    fc.assert(
      fc.property(fc.constantFrom(...urls), fc.array(fc.constantFrom('<article>', '<h3><a href="/papers/2603.01234">', 'x', '</a></h3>', '<dt><a href="/abs/2301.00001" title="Abstract" id="2301.00001">', '<dd><div class="meta"><div class="list-title">T</div>', '<li class="arxiv-result">', '</div>', '<meta name="citation_title" content="T">'), { maxLength: 40 }), (url, parts) => {
        const res = run(`<html><head></head><body>${parts.join('')}</body></html>`, url);
        if (res) for (const p of res.papers) expect(PaperDraft.safeParse(p).success).toBe(true);
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
