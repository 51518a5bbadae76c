/**
 * The conformance tests' real pages: saved by other public projects in ../shared/fixtures/pages,
 * beside the project (see SOURCES.tsv there for where each came from). That folder is not part of
 * the project: each suite skips where its page is absent (e.g. a fresh clone).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, expect } from 'vitest';
import { PaperDraft } from '../../lib/draft';
import { adapterFor, extractAll } from '../../lib/sites/index';
import { safeIdentify } from '../../lib/sites/pick';
import { PROJECT_ROOT } from './sites';

export const REAL_PAGES = path.resolve(PROJECT_ROOT, '..', 'shared', 'fixtures', 'pages');

/** HTML entities the pages use in titles (&amp; &#39; …), decoded without a DOM (to read a page's source by string matching). */
export const decodeEntities = (s: string): string =>
  s.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** Whitespace runs to one space, trimmed. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A parser of saved pages (DOMParser: no scripts run) whose window closes after the calling suite. */
export function pageParser(): (html: string) => ParentNode {
  const window = new Window();
  afterAll(() => window.happyDOM.close());
  return (html) => new window.DOMParser().parseFromString(html, 'text/html') as unknown as ParentNode;
}

export type PageResult = NonNullable<ReturnType<typeof extractAll>>;

/** A reader of saved pages: what extractAll reads of one, every draft checked to be what PaperDraft parses it to. */
export function pageReader(): (file: string, url: string) => PageResult {
  const parse = pageParser();
  return (file, url) => {
    const result = extractAll(parse(readFileSync(file, 'utf8')), url);
    expect(result).not.toBeNull();
    for (const p of result!.papers) expect(PaperDraft.parse(p)).toStrictEqual(p);
    return result!;
  };
}

/** What the content script's fast path (identify) reads of a card: its id and title, null for a skip. */
export type Identity = { id: string; title: string } | null;

/**
 * A big listing, parsed and read once before the calling suite's tests (a big page takes seconds
 * to parse on a busy machine): what extractAll reads of it, and what identify() reads of each
 * card the adapter finds. Read `result` and `identities` inside the tests.
 */
export function listingReadOnce(html: string, url: string): { result: ReturnType<typeof extractAll>; identities: Identity[] } {
  const parse = pageParser();
  const read: { result: ReturnType<typeof extractAll>; identities: Identity[] } = { result: null, identities: [] };
  beforeAll(() => {
    const doc = parse(html);
    read.result = extractAll(doc, url);
    const found = adapterFor(url)!;
    const u = new URL(url);
    const ctx = { url: u, kind: found.kind, data: found.adapter.prepare(doc, u, found.kind) };
    read.identities = found.adapter.findCards(doc, found.kind).map((card) => {
      const i = safeIdentify(found.adapter, card, ctx);
      return i && { id: i.id, title: i.title };
    });
  }, 120_000);
  return read;
}
