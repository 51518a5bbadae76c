/**
 * Reserved toolbar places (lib/sites/<id>/slot.css): on a site whose listings lay out every card,
 * the page's CSS keeps each card's toolbar place from its first layout, so placing a toolbar
 * moves nothing below it. The place must be kept for exactly the elements the adapter puts a
 * listing card's toolbar in (at their end: where the toolbar goes, or below it in the same card),
 * and for nothing else: a place without a card would be an empty gap in the page. A page in a
 * markup the CSS does not know keeps no place at all (its toolbars move the cards below, as on
 * any other site). Checked on every fixture of such a site, and on the real saved pages where
 * ../shared is present; which fixtures keep places is asserted in test/e2e/proceedings.spec.ts.
 * That a toolbar fills its place to the pixel is checked in real Chromium (same file).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES } from './e2e/fixtures';
import { pageParser, REAL_PAGES } from './helpers/real-pages';
import { PROJECT_ROOT, REGISTERED } from './helpers/sites';

/** The selector of the elements a site's slot.css keeps a place in (its `::after` rule with `content`), or null without one. */
function slotSelector(site: string): string | null {
  const file = path.join(PROJECT_ROOT, 'lib', 'sites', site, 'slot.css');
  if (!existsSync(file)) return null;
  const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const rule = /([^{}]+)::after\s*\{[^}]*\bcontent:/.exec(css);
  if (!rule) throw new Error(`${file}: no ::after rule with content`);
  return rule[1]!.trim();
}

const parse = pageParser();
const WITH_SLOTS = REGISTERED.filter((s) => slotSelector(s.meta.id) !== null);

/** The site's fixture pages (as the e2e suites serve them) and real saved pages: [label, html, url]. */
function pagesOf(site: string): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const [url, page] of PAGES) if (page.site === site) out.push([`fixture ${page.name}.html`, page.html, url]);
  const real = path.join(REAL_PAGES, site);
  if (existsSync(real)) {
    const sources = readFileSync(path.join(REAL_PAGES, 'SOURCES.tsv'), 'utf8');
    for (const f of readdirSync(real).filter((f) => f.endsWith('.html'))) {
      const url = sources.split('\n').find((l) => l.includes(`${site}/${f}`))?.split('\t').find((c) => /^https?:\/\//.test(c));
      if (url) out.push([`real page ${f}`, readFileSync(path.join(real, f), 'utf8'), url]);
    }
  }
  return out;
}

describe('reserved toolbar places', () => {
  it('the sites that keep them: CVF, NeurIPS and OpenReview', () => {
    expect(WITH_SLOTS.map((s) => s.meta.id)).toEqual(['cvf', 'neurips', 'openreview']);
  });

  it('the fixture pages that keep places: the listings in the markup each CSS knows', () => {
    const keeping = WITH_SLOTS.flatMap(({ meta }) =>
      pagesOf(meta.id)
        .filter(([label, html]) => label.startsWith('fixture') && parse(html).querySelectorAll(slotSelector(meta.id)!).length > 0)
        .map(([label]) => `${meta.id}/${label.replace('fixture ', '')}`),
    );
    expect(keeping).toEqual(['cvf/cvpr2023-day.html', 'cvf/iccv2015.html', 'cvf/search.html', 'neurips/listing-2023.html', 'openreview/group.html']);
  });

  for (const { meta, adapter } of WITH_SLOTS) {
    const selector = slotSelector(meta.id)!;
    for (const [label, html, url] of pagesOf(meta.id)) {
      it(`${meta.id}, ${label}: a place for each listing card's toolbar where it goes (or, for a markup the CSS does not know, none), and none elsewhere`, () => {
        const doc = parse(html);
        const u = new URL(url);
        const kind = adapter.detect(u);
        const kept = [...doc.querySelectorAll(selector)];
        if (kind === null || kind === 'paper') {
          expect(kept).toHaveLength(0);
          return;
        }
        const anchors = adapter.findCards(doc, kind).map((card) => adapter.anchorFor(card, kind));
        if (kept.length === 0) return;
        // The element each toolbar goes in: the anchor it is appended to, or the one it follows's parent.
        expect(anchors.map((a) => (a?.position === 'append' ? a.element : a?.position === 'after' ? a.element.parentElement : null))).toEqual(kept);
      });
    }
  }
});
