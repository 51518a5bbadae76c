/**
 * Every registered adapter over every page of its fixture folder (Readability's test-pages
 * habit): test/fixtures/<site>/<case>.html, whose `papershelf-fixture-url` meta names the URL it
 * stands for, against <case>.expected.json ({ kind, skipped, papers }: kind null for a page no
 * adapter may claim). Whole records, exact counts. A new site is covered with no edit here; its
 * expected files start from `npm run extract -- <page> --write-expected`, read and corrected.
 * test/fixtures/embedded/ is the embedded-metadata reader's (the fallback for any other URL);
 * its drafts' site is the page's host.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { PaperDraft } from '../lib/paper';
import { siteOf } from '../lib/sites/embedded/adapter';
import { EMBEDDED, extractAll } from '../lib/sites/index';
import { safeExtract } from '../lib/sites/pick';
import { fixtureUrl } from './fixture-url';
import { FIXTURES, NON_SITE_FIXTURES, REGISTERED } from './helpers/sites';

interface Expected {
  kind: string | null;
  skipped: number;
  papers: PaperDraft[];
}

// DOMParser never runs scripts (and happy-dom's JavaScript evaluation is off by default anyway).
const window = new Window();
afterAll(() => window.happyDOM.close());

function cases(id: string): string[] {
  const dir = path.join(FIXTURES, id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .sort();
}

function load(id: string, name: string) {
  const html = readFileSync(path.join(FIXTURES, id, `${name}.html`), 'utf8');
  const url = fixtureUrl(html);
  if (!url) throw new Error(`${id}/${name}.html has no papershelf-fixture-url meta`);
  const file = path.join(FIXTURES, id, `${name}.expected.json`);
  if (!existsSync(file)) throw new Error(`${id}/${name}.expected.json is missing (npm run extract -- ${id}/${name}.html --write-expected)`);
  const expected = JSON.parse(readFileSync(file, 'utf8')) as Expected;
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  return { root: doc as unknown as ParentNode, url, expected };
}

describe('the registry and the fixture folders', () => {
  it('every site folder of test/fixtures is a registered site, and every registered site has one', () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !NON_SITE_FIXTURES.includes(d.name))
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual([...REGISTERED.map((r) => r.meta.id), EMBEDDED.id].sort());
  });
});

for (const { meta, adapter } of [...REGISTERED, { meta: { id: EMBEDDED.id }, adapter: EMBEDDED }]) {
  describe(`${meta.id}: golden fixtures`, () => {
    it('has fixtures, each with its expected file', () => {
      expect(cases(meta.id).length).toBeGreaterThan(0);
      for (const name of cases(meta.id)) expect(existsSync(path.join(FIXTURES, meta.id, `${name}.expected.json`)), name).toBe(true);
    });

    it.each(cases(meta.id))('%s: the whole record of every card, and the exact count of skipped ones', (name) => {
      const { root, url, expected } = load(meta.id, name);
      const result = extractAll(root, url);
      if (expected.kind === null) {
        expect(adapter.detect(new URL(url))).toBeNull();
        return;
      }
      expect(result).not.toBeNull();
      // toStrictEqual: an `undefined`-valued key in a draft is a failure, not a match.
      expect({ kind: result!.kind, skipped: result!.skipped, papers: result!.papers }).toStrictEqual(expected);
      expect(result!.adapter).toBe(meta.id);
      for (const p of expected.papers) {
        expect(PaperDraft.safeParse(p).success, p.id).toBe(true);
        expect(p.site).toBe(adapter === EMBEDDED ? siteOf(new URL(url)) : meta.id);
      }
    });

    it.each(cases(meta.id))('%s: every readable card has a place for its toolbar', (name) => {
      const { root, url, expected } = load(meta.id, name);
      if (expected.kind === null) return;
      const u = new URL(url);
      const kind = adapter.detect(u)!;
      const ctx = { url: u, kind, data: adapter.prepare(root, u, kind) };
      let readable = 0;
      for (const card of adapter.findCards(root, kind)) {
        if (!safeExtract(adapter, card, ctx)) continue;
        readable++;
        expect(adapter.anchorFor(card, kind), `${name}: card ${readable}`).not.toBeNull();
      }
      expect(readable).toBe(expected.papers.length);
    });
  });
}
